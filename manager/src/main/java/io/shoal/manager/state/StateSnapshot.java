package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.manager.network.Networking;
import java.util.List;

/**
 * An immutable copy of the {@link State}: what snapshots store and what readers receive. Taken on the
 * owning actor's thread, so it never sees a half-applied command.
 */
public record StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks,
                            Networking networking) {

    /** A snapshot without networks (as before issue 7). */
    public StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks) {
        this(swarm, index, nodes, services, tasks, Networking.EMPTY);
    }

    public static StateSnapshot of(State s) {
        return new StateSnapshot(s.swarm().orElse(null), s.index(), List.copyOf(s.nodes()), List.copyOf(s.services()),
                List.copyOf(s.tasks()), s.networks().snapshot());
    }

    public State toState() {
        return State.of(swarm, index, nodes, services, tasks, networking);
    }
}
