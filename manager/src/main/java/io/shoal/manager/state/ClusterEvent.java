package io.shoal.manager.state;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import java.util.List;

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

    /** {@code docker swarm update}: the swarm's spec changed (labels, task history limit, heartbeat period). */
    record SwarmUpdated(Swarm swarm) implements ClusterEvent {
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

    // Networks (issue 7): networks are objects of their own; what the managers allocate for tasks and
    // services is recorded beside them, so Task and Service stay as they are.

    record NetworkCreated(Network network) implements ClusterEvent {
        public long index() {
            return network.version().index();
        }
    }

    record NetworkRemoved(String networkId, long index) implements ClusterEvent {}

    /** A new task's addresses, one attachment per network; persisted in the same batch as the task. */
    record TaskNetworksAttached(String taskId, List<NetworkAttachment> attachments, long index) implements ClusterEvent {}

    /**
     * A node's own addresses, one attachment per network, whole (replaces the previous ones): its endpoint on the
     * ingress network for the routing mesh. Held until the node is removed or the network is.
     */
    record NodeNetworksAttached(String nodeId, List<NetworkAttachment> attachments, long index) implements ClusterEvent {}

    /** A service's published ports and virtual IPs, whole (replaces the previous endpoint). */
    record ServiceEndpointAllocated(String serviceId, Endpoint endpoint, long index) implements ClusterEvent {}

    /** The CA material or join secrets changed (swarm init, token rotation). */
    record SecurityUpdated(io.shoal.manager.ca.ClusterSecurity security, long index) implements ClusterEvent {}

    /** {@code docker node rm}. */
    record NodeRemoved(String nodeId, long index) implements ClusterEvent {}
}
