package io.shoal.api.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelProtoTest {
    static final Instant T = Instant.parse("2026-11-22T10:15:30.123456789Z");

    static TaskSpec fullTaskSpec() {
        var c = new TaskSpec.ContainerSpec("busybox:latest", Map.of("a", "b"), List.of("sh", "-c"), List.of("sleep 1"),
                "h", List.of("A=1"), "/w", "nobody", List.of("wheel"), true, false, true,
                List.of(new TaskSpec.Mount("volume", "data", "/data", true)), "SIGTERM", 10_000_000_000L,
                new TaskSpec.HealthConfig(List.of("CMD", "true"), 1L, 2L, 3L, 4), List.of("10.0.0.1 db"), true,
                List.of("NET_ADMIN"), List.of("CHOWN"), Map.of("net.core.somaxconn", "1024"),
                new TaskSpec.PullOptions("eyJ1c2VybmFtZSI6ImEifQ"));
        var reservations = new ResourceObject(1_000_000_000L, 1L << 20, List.of(
                new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec("gpu", 2L)),
                new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec("ssd", "u1"), null)));
        return new TaskSpec(c, new TaskSpec.Resources(new TaskSpec.Limits(2L, 3L, 4L), reservations),
                new TaskSpec.RestartPolicy("on-failure", 5L, 3L, 60L),
                new TaskSpec.Placement(List.of("node.role==worker"),
                        List.of(new TaskSpec.Preference(new TaskSpec.Spread("node.labels.dc"))), 2L,
                        List.of(new Platform("amd64", "linux"))),
                List.of(new TaskSpec.NetworkAttachmentConfig("front", List.of("web"), Map.of("k", "v"))),
                new TaskSpec.LogDriver("json-file", Map.of("max-size", "10m")), 1L, "container");
    }

    static ServiceSpec fullServiceSpec() {
        return new ServiceSpec("web", Map.of("l", "v"), fullTaskSpec(), ServiceSpec.Mode.ofReplicas(3),
                new ServiceSpec.UpdateConfig(1L, 2L, "pause", 3L, 0.5, "start-first"),
                new ServiceSpec.UpdateConfig(1L, null, "continue", null, null, "stop-first"),
                new ServiceSpec.EndpointSpec("vip", List.of(new ServiceSpec.PortConfig("http", "tcp", 80, 8080, "ingress"))));
    }

    @Test
    void serviceRoundTripsEveryField() throws Exception {
        Service s = new Service("abc", new Version(7), T, T.plusSeconds(1), fullServiceSpec(),
                fullServiceSpec().withMode(ServiceSpec.Mode.ofGlobal()));
        assertThat(ModelProto.service(ServiceP.parseFrom(ModelProto.service(s).toByteArray()))).isEqualTo(s);
    }

    @Test
    void minimalSpecStaysMinimal() {
        ServiceSpec minimal = new ServiceSpec("x", null, new TaskSpec(
                new TaskSpec.ContainerSpec("img", null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null),
                null, null, null, null, null, null, null), new ServiceSpec.Mode(new ServiceSpec.Replicated(null), null),
                null, null, null);
        assertThat(SpecProto.serviceSpec(SpecProto.serviceSpec(minimal))).isEqualTo(minimal);
    }

    @Test
    void taskAndNodeAndSwarmRoundTrip() throws Exception {
        Task t = new Task("t1", new Version(3), T, T, fullTaskSpec(), "svc", 2L, "n1",
                new TaskStatus(T, TaskState.RUNNING, "started", "oops", new TaskStatus.ContainerStatus("c1", 42, 0)),
                TaskState.RUNNING, 5);
        assertThat(ModelProto.task(TaskP.parseFrom(ModelProto.task(t).toByteArray()))).isEqualTo(t);
        Task placed = t.withNode("n2", List.of(
                new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec("gpu", "GPU-1"), null),
                new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec("ssd", 2L))),
                t.status(), t.version(), T);
        assertThat(ModelProto.task(TaskP.parseFrom(ModelProto.task(placed).toByteArray()))).isEqualTo(placed);

        Node n = new Node("n1", new Version(1), T, T, new Node.Spec("n", Map.of("dc", "east"), "manager", "active"),
                new Node.Description("host1", new Platform("x86_64", "linux"), new ResourceObject(2L, 3L, null),
                        new Node.Engine("0.1.0", Map.of("e", "f"))),
                new Node.Status("ready", null, "127.0.0.1"), new Node.ManagerStatus(true, "reachable", "127.0.0.1:2377"));
        assertThat(ModelProto.node(NodeP.parseFrom(ModelProto.node(n).toByteArray()))).isEqualTo(n);

        Swarm w = new Swarm("s", new Version(1), T, T, new Swarm.Spec("default", null, 5L, 5_000_000_000L),
                new Swarm.JoinTokens("SWMTKN-1-a-b", "SWMTKN-1-a-c"));
        assertThat(ModelProto.swarm(SwarmP.parseFrom(ModelProto.swarm(w).toByteArray()))).isEqualTo(w);
    }

    @Test
    void instantsKeepNanoseconds() {
        assertThat(ModelProto.instant(ModelProto.nanos(T))).isEqualTo(T);
    }
}
