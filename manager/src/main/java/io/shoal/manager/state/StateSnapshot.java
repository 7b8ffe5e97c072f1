package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.manager.network.Networking;
import java.util.List;

/**
 * An immutable copy of the {@link State}: what snapshots store and what readers receive. Taken on the
 * owning actor's thread, so it never sees a half-applied command. {@code security} (the cluster CA and
 * join secrets) is null until the swarm has a CA.
 */
public record StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks,
                            Networking networking, ClusterSecurity security) {

    /** A snapshot without networks and without a CA (as before issues 6 and 7). */
    public StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks) {
        this(swarm, index, nodes, services, tasks, Networking.EMPTY, null);
    }

    /** A snapshot without a CA. */
    public StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks,
                         Networking networking) {
        this(swarm, index, nodes, services, tasks, networking, null);
    }

    /** A snapshot without networks. */
    public StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks,
                         ClusterSecurity security) {
        this(swarm, index, nodes, services, tasks, Networking.EMPTY, security);
    }

    public static StateSnapshot of(State s) {
        return new StateSnapshot(s.swarm().orElse(null), s.index(), List.copyOf(s.nodes()), List.copyOf(s.services()),
                List.copyOf(s.tasks()), s.networks().snapshot(), s.security().orElse(null));
    }

    public State toState() {
        return State.of(this);
    }
}
