package io.shoal.manager.network;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of the networking part of the cluster state: networks, each task's attachments and each
 * service's allocated endpoint. What snapshots store and what the HTTP views read.
 */
public record Networking(List<Network> networks, Map<String, List<NetworkAttachment>> taskNetworks,
                         Map<String, Endpoint> endpoints) {

    public static final Networking EMPTY = new Networking(List.of(), Map.of(), Map.of());

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

    public Endpoint endpointOf(String serviceId) {
        return endpoints.getOrDefault(serviceId, Endpoint.NONE);
    }
}
