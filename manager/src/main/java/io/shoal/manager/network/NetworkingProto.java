package io.shoal.manager.network;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.proto.NetworkProto;
import io.shoal.api.proto.NetworkingP;
import io.shoal.api.proto.NodeNetworksP;
import io.shoal.api.proto.ServiceEndpointP;
import io.shoal.api.proto.TaskNetworksP;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The snapshot's networking part ⇄ protobuf (entries keep their order; the index field is unused there). */
public final class NetworkingProto {
    private NetworkingProto() {}

    public static NetworkingP networking(Networking n) {
        NetworkingP.Builder b = NetworkingP.newBuilder();
        n.networks().forEach(x -> b.addNetworks(NetworkProto.network(x)));
        n.taskNetworks().forEach((task, attachments) -> b.addTaskNetworks(NetworkProto.taskNetworks(task, attachments, 0)));
        n.endpoints().forEach((service, endpoint) -> b.addEndpoints(NetworkProto.serviceEndpoint(service, endpoint, 0)));
        n.nodeNetworks().forEach((node, attachments) -> b.addNodeNetworks(NetworkProto.nodeNetworks(node, attachments, 0)));
        return b.build();
    }

    public static Networking networking(NetworkingP p) {
        Map<String, List<NetworkAttachment>> tasks = new LinkedHashMap<>();
        for (TaskNetworksP t : p.getTaskNetworksList()) {
            tasks.put(t.getTaskId(), NetworkProto.attachments(t));
        }
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (ServiceEndpointP e : p.getEndpointsList()) {
            endpoints.put(e.getServiceId(), NetworkProto.endpoint(e));
        }
        Map<String, List<NetworkAttachment>> nodes = new LinkedHashMap<>();
        for (NodeNetworksP n : p.getNodeNetworksList()) {
            nodes.put(n.getNodeId(), NetworkProto.attachments(n));
        }
        return new Networking(p.getNetworksList().stream().map(NetworkProto::network).toList(), Map.copyOf(tasks), Map.copyOf(endpoints),
                Map.copyOf(nodes));
    }
}
