package io.shoal.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Version;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.ClusterStateSerializer;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.testkit.fixtures.Nodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every networking journal record, and a snapshot holding networks, survives its protobuf round trip. */
class NetworkEventsSerializationTest {
    static final Network BACKEND = new Network("n1", new Version(7), Nodes.T0, Nodes.T0,
            new NetworkSpec("backend", "overlay", Map.of("team", "a"), Map.of("o", "1"), true, true, false,
                    new NetworkSpec.Ipam("default", List.of(new NetworkSpec.IpamConfig("10.20.0.0/16", "10.20.0.1", "10.20.1.0/24")), null)),
            List.of(new NetworkSpec.IpamConfig("10.20.0.0/16", "10.20.0.1", "10.20.1.0/24")), 4097);
    static final Network LOCAL = new Network("n2", new Version(8), Nodes.T0, Nodes.T0,
            new NetworkSpec("local", "bridge", null, null, false, false, false, new NetworkSpec.Ipam("default", null, null)),
            List.of(new NetworkSpec.IpamConfig("10.0.1.0/24", "10.0.1.1", null)), null);
    static final List<NetworkAttachment> ATTACHMENTS = List.of(new NetworkAttachment("n1", List.of("10.20.1.2/16"), List.of("db")),
            new NetworkAttachment("n2", List.of("10.0.1.2/24"), null));
    static final Endpoint ENDPOINT = new Endpoint(List.of(new ServiceSpec.PortConfig(null, "tcp", 80, 30000, "ingress"),
            new ServiceSpec.PortConfig("dns", "udp", 53, 0, "host")), List.of(new Endpoint.VirtualIp("n1", "10.20.1.3/16")));

    static List<Object> records() {
        return List.of(new ClusterEvent.NetworkCreated(BACKEND), new ClusterEvent.NetworkCreated(LOCAL),
                new ClusterEvent.NetworkRemoved("n1", 9), new ClusterEvent.TaskNetworksAttached("t1", ATTACHMENTS, 10),
                new ClusterEvent.ServiceEndpointAllocated("s1", ENDPOINT, 11), new ClusterEvent.ServiceEndpointAllocated("s2", Endpoint.NONE, 12),
                new ClusterEvent.NodeNetworksAttached("node1", List.of(new NetworkAttachment("n1", List.of("10.20.0.2/16"), null)), 13),
                new StateSnapshot(null, 12, List.of(), List.of(), List.of(),
                        new Networking(List.of(BACKEND, LOCAL), Map.of("t1", ATTACHMENTS), Map.of("s1", ENDPOINT))),
                new StateSnapshot(null, 13, List.of(), List.of(), List.of(), new Networking(List.of(BACKEND), Map.of("t1", ATTACHMENTS),
                        Map.of("s1", ENDPOINT), Map.of("node1", List.of(new NetworkAttachment("n1", List.of("10.20.0.2/16"), null))))));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTrips(Object record) throws Exception {
        ClusterStateSerializer s = new ClusterStateSerializer();
        assertThat(s.fromBinary(s.toBinary(record), s.manifest(record))).isEqualTo(record);
    }
}
