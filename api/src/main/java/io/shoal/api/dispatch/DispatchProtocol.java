package io.shoal.api.dispatch;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Node;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskStatus;
import java.util.List;

/**
 * The messages between a worker agent and the dispatcher, as Swarm's dispatcher API: a worker opens a
 * session, heartbeats it, receives its assignments (the whole set, then changes) and reports task status
 * in acknowledged batches. Actor references are carried in their serialized string form, so this
 * module stays free of Akka; every record here crosses hosts and is protobuf-encoded by
 * {@link io.shoal.api.proto.DispatchProto}.
 */
public final class DispatchProtocol {
    /** The Receptionist key id under which the dispatcher is found. */
    public static final String SERVICE_KEY = "shoal-dispatcher";

    private DispatchProtocol() {}

    /** Marker of the records below (each is serialized). */
    public sealed interface Wire {}

    /** A worker starts (or restarts) its session; {@code worker} is its agent's serialized reference. */
    public record OpenSession(String nodeId, Node.Description description, Node.Status status, String worker)
            implements Wire, DispatcherMessage {}

    public record Heartbeat(String nodeId, String sessionId) implements Wire, DispatcherMessage {}

    /** One batch of task status changes; acknowledged by {@link StatusAck} once persisted. */
    public record ReportStatus(String nodeId, String sessionId, long seq, List<TaskUpdate> updates)
            implements Wire, DispatcherMessage {}

    public record TaskUpdate(String taskId, TaskStatus status) {}

    public record SessionOpened(String sessionId, long heartbeatPeriodMillis) implements Wire, WorkerMessage {}

    /** The dispatcher will not talk to this worker under that session (unknown node, no swarm, stale session). */
    public record SessionRefused(String reason) implements Wire, WorkerMessage {}

    public record HeartbeatAck(String sessionId) implements Wire, WorkerMessage {}

    public record StatusAck(String sessionId, long seq) implements Wire, WorkerMessage {}

    /**
     * The node's tasks: with {@code complete} the whole set (anything not in it is to be removed), else the
     * tasks that changed and the ids of those that are gone. {@code network} is the node's whole network view
     * when it changed since the last message (always with {@code complete}), else null: the worker keeps the
     * last one it got.
     */
    public record Assignments(String sessionId, boolean complete, List<AssignedTask> tasks, List<String> removed,
                              NetworkView network) implements Wire, WorkerMessage {
        public Assignments(String sessionId, boolean complete, List<AssignedTask> tasks, List<String> removed) {
            this(sessionId, complete, tasks, removed, null);
        }
    }

    /**
     * A task with what the worker needs beside it to run it: the service's name (for container names) and the
     * task's addresses, one per network it joins (ingress first when its service publishes there).
     */
    public record AssignedTask(Task task, String serviceName, List<NetworkAttachment> networks) {
        public AssignedTask {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }

        public AssignedTask(Task task, String serviceName) {
            this(task, serviceName, List.of());
        }
    }

    /**
     * What a node needs to program its share of the data plane, computed by the managers from the cluster state:
     * every network one of its tasks joins (with every task on it, wherever it runs, for VXLAN forwarding
     * entries, DNS and load balancing), and the services with an endpoint on those networks (VIPs, published
     * ports). Complete each time: small next to the tasks, and a worker never has to merge it.
     */
    public record NetworkView(List<NetworkInfo> networks, List<ServiceInfo> services) {
        public static final NetworkView EMPTY = new NetworkView(List.of(), List.of());

        public NetworkView {
            networks = List.copyOf(networks);
            services = List.copyOf(services);
        }
    }

    /**
     * One network: {@code vni} 0 for a bridge network; {@code subnet} and {@code gateway} in plain form
     * ({@code 10.0.1.0/24}, {@code 10.0.1.1}); {@code nodes}: the nodes' own addresses on it (ingress only).
     */
    public record NetworkInfo(String id, String name, int vni, String subnet, String gateway, boolean internal,
                              boolean ingress, List<Peer> peers, List<NodeEndpoint> nodes) {
        public NetworkInfo {
            peers = List.copyOf(peers);
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }

        /** A network on which no node has an address of its own (every network but ingress). */
        public NetworkInfo(String id, String name, int vni, String subnet, String gateway, boolean internal,
                           boolean ingress, List<Peer> peers) {
            this(id, name, vni, subnet, gateway, internal, ingress, peers, List.of());
        }
    }

    /**
     * A node's own address on a network, in CIDR form, with the node's underlay address: on the ingress network
     * every node has one (the routing mesh), so each worker can reach every other node's ingress endpoint.
     */
    public record NodeEndpoint(String nodeId, String nodeAddr, String address) {}

    /**
     * A task on a network, on any node: its address in CIDR form, the node that runs it and that node's underlay
     * address, its aliases, and whether it may get traffic ({@code ready}: running, healthy if checked).
     */
    public record Peer(String taskId, String serviceId, String nodeId, String nodeAddr, String address,
                       List<String> aliases, boolean ready) {
        public Peer {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** A service with tasks on the node's networks: its DNS name, endpoint mode ({@code vip|dnsrr}), VIPs and ports. */
    public record ServiceInfo(String id, String name, String endpointMode, List<Endpoint.VirtualIp> virtualIps,
                              List<ServiceSpec.PortConfig> ports) {
        public ServiceInfo {
            virtualIps = List.copyOf(virtualIps);
            ports = List.copyOf(ports);
        }
    }
}
