package io.shoal.deploy.membership;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.util.concurrent.atomic.AtomicReference;

/**
 * On a worker: when this node is downed (it was cut off from the managers, and the split-brain resolver,
 * which counts managers, downed the side without them), the daemon does not exit: its actor system starts
 * again and joins its recorded seeds, which succeeds once the link is back. A downed Akka node can never
 * rejoin with the same actor system, hence the restart ({@code run-coordinated-shutdown-when-down} is off
 * for workers in DaemonConfig, so downing does not stop the JVM). Its containers keep running meanwhile (the
 * node engine stays open across the restart) and the worker agent re-syncs them with the dispatcher.
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
                .onMessage(ClusterEvent.MemberDowned.class, e -> onOut(e.member()))
                .onMessage(ClusterEvent.MemberRemoved.class, e -> onOut(e.member()))
                .onMessage(ClusterEvent.MemberEvent.class, e -> this)
                .build();
    }

    private Behavior<ClusterEvent.MemberEvent> onOut(akka.cluster.Member member) {
        Cluster cluster = Cluster.get(getContext().getSystem());
        if (!member.uniqueAddress().equals(cluster.selfMember().uniqueAddress())
                || CoordinatedShutdown.get(getContext().getSystem()).getShutdownReason().isPresent()) {
            return this; // another member, or this daemon is stopping (SIGTERM, swarm leave)
        }
        if (restart.compareAndSet(NodeMembership.Restart.NONE, NodeMembership.Restart.KEEP_STATE)) {
            getContext().getLog().warn("this node was downed, rejoining the managers status={}", member.status());
            getContext().getSystem().terminate();
        }
        return this;
    }
}
