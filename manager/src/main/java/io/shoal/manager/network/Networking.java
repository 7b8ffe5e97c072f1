package io.shoal.manager.network;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of the networking part of the cluster state: networks, each task's attachments, each
 * service's allocated endpoint and each node's own addresses (its ingress endpoint). What snapshots store and
 * what the HTTP views and the dispatcher read.
 */
public record Networking(List<Network> networks, Map<String, List<NetworkAttachment>> taskNetworks,
                         Map<String, Endpoint> endpoints, Map<String, List<NetworkAttachment>> nodeNetworks) {

    public static final Networking EMPTY = new Networking(List.of(), Map.of(), Map.of(), Map.of());

    public Networking {
        nodeNetworks = nodeNetworks == null ? Map.of() : nodeNetworks;
    }

    /** Without node addresses (as before the routing mesh). */
    public Networking(List<Network> networks, Map<String, List<NetworkAttachment>> taskNetworks, Map<String, Endpoint> endpoints) {
        this(networks, taskNetworks, endpoints, Map.of());
    }

    public Optional<Network> network(String id) {
        return networks.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<Network> networkByName(String name) {
        return networks.stream().filter(n -> name.equals(n.spec().name())).findFirst();
    }

    public Optional<Network> ingress() {
        return networks.stream().filter(n -> n.spec().ingress()).findFirst();
    }

    public List<NetworkAttachment> attachmentsOf(String taskId) {
        return taskNetworks.getOrDefault(taskId, List.of());
    }

    /** The node's own addresses (its ingress endpoint), empty before the managers gave it one. */
    public List<NetworkAttachment> nodeAttachmentsOf(String nodeId) {
        return nodeNetworks.getOrDefault(nodeId, List.of());
    }

    public Endpoint endpointOf(String serviceId) {
        return endpoints.getOrDefault(serviceId, Endpoint.NONE);
    }
}
