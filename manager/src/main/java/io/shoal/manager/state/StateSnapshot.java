package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import java.util.List;

/**
 * An immutable copy of the {@link State}: what snapshots store and what readers receive. Taken on the
 * owning actor's thread, so it never sees a half-applied command.
 */
public record StateSnapshot(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks) {

    public static StateSnapshot of(State s) {
        return new StateSnapshot(s.swarm().orElse(null), s.index(), List.copyOf(s.nodes()), List.copyOf(s.services()),
                List.copyOf(s.tasks()));
    }

    public State toState() {
        return State.of(swarm, index, nodes, services, tasks);
    }
}
