package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;

/**
 * What happened to the cluster state, persisted in the journal. Each event carries the whole new object
 * (its {@code version.index} is the event's index), so {@link State#apply} is a plain put or remove.
 */
public sealed interface ClusterEvent {
    long index();

    record SwarmInitialized(Swarm swarm) implements ClusterEvent {
        public long index() {
            return swarm.version().index();
        }
    }

    record NodeRegistered(Node node) implements ClusterEvent {
        public long index() {
            return node.version().index();
        }
    }

    record NodeUpdated(Node node) implements ClusterEvent {
        public long index() {
            return node.version().index();
        }
    }

    record ServiceCreated(Service service) implements ClusterEvent {
        public long index() {
            return service.version().index();
        }
    }

    record ServiceUpdated(Service service) implements ClusterEvent {
        public long index() {
            return service.version().index();
        }
    }

    record ServiceRemoved(String serviceId, long index) implements ClusterEvent {}

    record TaskCreated(Task task) implements ClusterEvent {
        public long index() {
            return task.version().index();
        }
    }

    record TaskUpdated(Task task) implements ClusterEvent {
        public long index() {
            return task.version().index();
        }
    }

    record TaskRemoved(String taskId, long index) implements ClusterEvent {}

    /** The CA material or join secrets changed (swarm init, token rotation). */
    record SecurityUpdated(io.shoal.manager.ca.ClusterSecurity security, long index) implements ClusterEvent {}

    /** {@code docker node rm}. */
    record NodeRemoved(String nodeId, long index) implements ClusterEvent {}
}
