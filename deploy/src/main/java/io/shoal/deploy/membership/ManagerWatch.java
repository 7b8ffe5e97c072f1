package io.shoal.deploy.membership;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

/**
 * On a worker, restarts the daemon's actor system so that it joins the managers recorded in its membership
 * again, when its Akka cluster can no longer reach them: the last manager left (a restarted first manager
 * forms a new cluster rather than rejoining its workers), or this node was downed (it was cut off from the
 * managers; the daemon keeps running, see {@code run-coordinated-shutdown-when-down} in DaemonConfig). Its
 * containers keep running meanwhile (the node engine stays open across the restart) and the worker agent
 * re-syncs them with the dispatcher, so none is restarted.
 */
public final class ManagerWatch extends AbstractBehavior<ClusterEvent.MemberEvent> {
    private final AtomicReference<NodeMembership.Restart> restart;

    private ManagerWatch(ActorContext<ClusterEvent.MemberEvent> ctx, AtomicReference<NodeMembership.Restart> restart) {
        super(ctx);
        this.restart = restart;
        Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(ctx.getSelf(), ClusterEvent.MemberEvent.class));
    }

    public static Behavior<ClusterEvent.MemberEvent> create(AtomicReference<NodeMembership.Restart> restart) {
        return Behaviors.setup(ctx -> new ManagerWatch(ctx, restart));
    }

    @Override
    public Receive<ClusterEvent.MemberEvent> createReceive() {
        return newReceiveBuilder()
                .onMessage(ClusterEvent.MemberDowned.class, e -> onGone(e.member()))
                .onMessage(ClusterEvent.MemberRemoved.class, e -> onGone(e.member()))
                .onMessage(ClusterEvent.MemberLeft.class, e -> onGone(e.member()))
                .onMessage(ClusterEvent.MemberExited.class, e -> onGone(e.member()))
                .onMessage(ClusterEvent.MemberEvent.class, e -> this)
                .build();
    }

    /** A member is on its way out (leaving, exiting, downed) or gone. */
    private Behavior<ClusterEvent.MemberEvent> onGone(Member member) {
        Cluster cluster = Cluster.get(getContext().getSystem());
        if (member.uniqueAddress().equals(cluster.selfMember().uniqueAddress())) {
            if (member.status() == MemberStatus.down() || member.status() == MemberStatus.removed()) {
                rejoin("this node was downed");
            }
        } else if (member.hasRole("manager") && cluster.selfMember().status() == MemberStatus.up() && !anyOtherManagerUp(cluster, member)) {
            rejoin("no manager left");
        }
        return this;
    }

    private void rejoin(String why) {
        if (CoordinatedShutdown.get(getContext().getSystem()).getShutdownReason().isPresent()) {
            return; // the daemon is stopping (SIGTERM, swarm leave): leaving the cluster is expected
        }
        if (restart.compareAndSet(NodeMembership.Restart.NONE, NodeMembership.Restart.KEEP_STATE)) {
            getContext().getLog().warn("rejoining the managers reason={}", why);
            getContext().getSystem().terminate();
        }
    }

    /** The cluster's view may lag the event, so the member the event is about does not count, whatever its status there. */
    private static boolean anyOtherManagerUp(Cluster cluster, Member gone) {
        return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .filter((Member m) -> m.hasRole("manager") && !m.uniqueAddress().equals(gone.uniqueAddress()))
                .anyMatch(m -> m.status() == MemberStatus.up() || m.status() == MemberStatus.joining()
                        || m.status() == MemberStatus.weaklyUp());
    }
}
