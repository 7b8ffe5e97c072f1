package io.shoal.deploy.membership;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code peers} in the node's {@link MembershipFile} equal to the other cluster members that are up
 * ({@code HOST:PORT} of their cluster addresses), so a restarted founder can find the cluster again. It writes
 * only when the set changes, and never creates the file: a node that left the swarm has none.
 */
public final class PeerRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(PeerRecorder.class);

    private PeerRecorder() {}

    public static Behavior<ClusterEvent.MemberEvent> create(Path dataRoot) {
        return Behaviors.setup(ctx -> {
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.subscriptions().tell(Subscribe.create(ctx.getSelf(), ClusterEvent.MemberEvent.class));
            AtomicReference<List<String>> last = new AtomicReference<>();
            return Behaviors.receiveMessage(event -> {
                List<String> up = new ArrayList<>();
                for (Member m : cluster.state().getMembers()) {
                    boolean isUp = m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp();
                    if (isUp && !m.address().equals(cluster.selfMember().address())) {
                        up.add(m.address().getHost().orElse("") + ":" + m.address().getPort().orElse(0));
                    }
                }
                up.sort(String::compareTo);
                if (!up.equals(last.get()) && !up.isEmpty()) {
                    last.set(up);
                    record(dataRoot, up);
                }
                return Behaviors.same();
            });
        });
    }

    private static void record(Path dataRoot, List<String> peers) {
        try {
            Optional<MembershipFile> current = MembershipFile.read(dataRoot);
            if (current.isPresent() && !current.get().peers().equals(peers)) {
                current.get().withPeers(peers).write(dataRoot);
                LOG.info("cluster peers recorded peers={}", peers);
            }
        } catch (IOException e) {
            LOG.warn("cluster peers not recorded error={}", e.getMessage());
        }
    }
}
