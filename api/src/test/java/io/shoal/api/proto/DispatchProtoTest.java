package io.shoal.api.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Node;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DispatchProtoTest {
    static final TaskStatus RUNNING = new TaskStatus(ModelProtoTest.T, TaskState.RUNNING, "started", null,
            new TaskStatus.ContainerStatus("c0ffee", 42, null));
    static final TaskStatus FAILED = new TaskStatus(ModelProtoTest.T, TaskState.FAILED, "task: non-zero exit (3)",
            "exit 3", new TaskStatus.ContainerStatus("c0ffee", null, 3));

    static Stream<DispatchProtocol.Wire> messages() {
        Task task = new Task("t1", new Version(9), ModelProtoTest.T, ModelProtoTest.T, ModelProtoTest.fullTaskSpec(),
                "s1", 2L, "n1", RUNNING, TaskState.RUNNING, 7);
        Node.Description d = new Node.Description("host1", new Platform("x86_64", "linux"),
                new ResourceObject(2_000_000_000L, 1L << 30, null), new Node.Engine("0.1.0", Map.of("k", "v")));
        return Stream.of(
                new DispatchProtocol.OpenSession("n1", d, new Node.Status("ready", null, "10.0.0.2"), "akka://shoal@h:1/user/w#1"),
                new DispatchProtocol.Heartbeat("n1", "sess"),
                new DispatchProtocol.ReportStatus("n1", "sess", 12, List.of(new DispatchProtocol.TaskUpdate("t1", RUNNING),
                        new DispatchProtocol.TaskUpdate("t2", FAILED))),
                new DispatchProtocol.SessionOpened("sess", 1000),
                new DispatchProtocol.SessionRefused("node n1 is not part of the swarm"),
                new DispatchProtocol.HeartbeatAck("sess"),
                new DispatchProtocol.StatusAck("sess", 12),
                new DispatchProtocol.Assignments("sess", true, List.of(new DispatchProtocol.AssignedTask(task, "web")), List.of()),
                new DispatchProtocol.Assignments("sess", false, List.of(), List.of("t0", "t3")),
                new DispatchProtocol.Assignments("sess", true, List.of(new DispatchProtocol.AssignedTask(task, "web",
                        List.of(new NetworkAttachment("net1", List.of("10.0.1.5/24"), List.of("www")),
                                new NetworkAttachment("net2", List.of("10.0.2.7/24"), null)))), List.of(), networkView()));
    }

    static DispatchProtocol.NetworkView networkView() {
        return new DispatchProtocol.NetworkView(List.of(
                new DispatchProtocol.NetworkInfo("net1", "front", 4097, "10.0.1.0/24", "10.0.1.1", false, false, List.of(
                        new DispatchProtocol.Peer("t1", "s1", "n1", "10.99.0.2", "10.0.1.5/24", List.of("www"), true),
                        new DispatchProtocol.Peer("t9", "s1", "n2", "10.99.0.3", "10.0.1.6/24", List.of(), false))),
                new DispatchProtocol.NetworkInfo("net2", "back", 0, "10.0.2.0/24", "10.0.2.1", true, false, List.of()),
                new DispatchProtocol.NetworkInfo("ing", "ingress", 4096, "10.0.0.0/24", "10.0.0.1", false, true, List.of(
                        new DispatchProtocol.Peer("t1", "s1", "n1", "10.99.0.2", "10.0.0.7/24", List.of(), true)), List.of(
                        new DispatchProtocol.NodeEndpoint("n1", "10.99.0.2", "10.0.0.2/24"),
                        new DispatchProtocol.NodeEndpoint("n2", "10.99.0.3", "10.0.0.3/24")))),
                List.of(new DispatchProtocol.ServiceInfo("s1", "web", "vip", List.of(new Endpoint.VirtualIp("net1", "10.0.1.2/24")),
                        List.of(new ServiceSpec.PortConfig(null, "tcp", 80, 30080, "ingress")))));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageRoundTrips(DispatchProtocol.Wire m) {
        String manifest = DispatchProto.manifest(m);
        assertThat(DispatchProto.fromBinary(DispatchProto.toBinary(m), manifest)).isEqualTo(m);
    }

    @Test
    void manifestsAreDistinct() {
        assertThat(messages().map(DispatchProto::manifest).distinct().count()).isEqualTo(8);
    }

    @Test
    void unknownOrCorruptInputIsRefusedWithItsManifest() {
        assertThatThrownBy(() -> DispatchProto.fromBinary(new byte[0], "Z")).hasMessageContaining("\"Z\"");
        assertThatThrownBy(() -> DispatchProto.fromBinary(new byte[] {(byte) 0xff, 1}, "H"))
                .hasMessageContaining("manifest H");
    }
}
