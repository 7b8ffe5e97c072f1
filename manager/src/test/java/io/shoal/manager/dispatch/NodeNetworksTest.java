package io.shoal.manager.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.NodeEndpoint;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.manager.network.Networking;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeNetworksTest {
    static final Instant T = Nodes.T0;

    static Node node(String id, String addr) {
        Node n = Nodes.ready(id);
        return new Node(n.id(), n.version(), n.createdAt(), n.updatedAt(), n.spec(), n.description(),
                new Node.Status("ready", null, addr), null);
    }

    static Network network(String id, String name, Integer vni, String subnet, String gateway) {
        return new Network(id, new Version(1), T, T, new NetworkSpec(name, vni == null ? "bridge" : "overlay", null, null,
                false, false, false, null), List.of(new NetworkSpec.IpamConfig(subnet, gateway, null)), vni);
    }

    static Task task(String id, String service, String node, TaskState observed, TaskState desired) {
        return new Task(id, new Version(3), T, T, null, service, 1L, node, new TaskStatus(T, observed, "", null, null), desired, 1);
    }

    static StateSnapshot snapshot(List<Task> tasks) {
        Networking net = new Networking(List.of(network("front", "front", 4097, "10.0.1.0/24", "10.0.1.1"),
                network("back", "back", 4098, "10.0.2.0/24", "10.0.2.1")),
                Map.of("a1", List.of(new NetworkAttachment("front", List.of("10.0.1.5/24"), List.of("www"))),
                        "b1", List.of(new NetworkAttachment("front", List.of("10.0.1.6/24"), null)),
                        "c1", List.of(new NetworkAttachment("back", List.of("10.0.2.5/24"), null)),
                        "gone", List.of(new NetworkAttachment("front", List.of("10.0.1.9/24"), null))),
                Map.of("web", new Endpoint(List.of(), List.of(new Endpoint.VirtualIp("front", "10.0.1.2/24")))));
        return new StateSnapshot(new Swarm("sw", new Version(1), T, T, null, null), 10,
                List.of(node("A", "192.168.50.2"), node("B", "192.168.50.3")),
                List.of(new Service("web", new Version(1), T, T, Services.replicated("web", 2), null),
                        new Service("db", new Version(1), T, T, Services.replicated("db", 1), null)),
                tasks, net);
    }

    @Test
    void eachNodeSeesTheNetworksOfItsTasksWithEveryLiveTaskOnThemAndTheirNodesAddress() {
        StateSnapshot s = snapshot(List.of(task("a1", "web", "A", TaskState.RUNNING, TaskState.RUNNING),
                task("b1", "web", "B", TaskState.STARTING, TaskState.RUNNING),
                task("c1", "db", "B", TaskState.RUNNING, TaskState.RUNNING),
                task("gone", "web", "A", TaskState.FAILED, TaskState.SHUTDOWN)));

        Map<String, NetworkView> views = NodeNetworks.byNode(s);

        NetworkView a = views.get("A");
        assertThat(a.networks()).extracting(NetworkInfo::id).containsExactly("front");
        NetworkInfo front = a.networks().get(0);
        assertThat(front.vni()).isEqualTo(4097);
        assertThat(front.subnet()).isEqualTo("10.0.1.0/24");
        assertThat(front.gateway()).isEqualTo("10.0.1.1");
        assertThat(front.peers()).containsExactly(
                new Peer("a1", "web", "A", "192.168.50.2", "10.0.1.5/24", List.of("www"), true),
                new Peer("b1", "web", "B", "192.168.50.3", "10.0.1.6/24", List.of(), false));
        assertThat(a.services()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("web");
            assertThat(v.endpointMode()).isEqualTo("vip");
            assertThat(v.virtualIps()).containsExactly(new Endpoint.VirtualIp("front", "10.0.1.2/24"));
        });
        assertThat(views.get("B").networks()).extracting(NetworkInfo::id).containsExactlyInAnyOrder("front", "back");
        assertThat(views.get("B").services()).extracting(v -> v.name()).containsExactly("web", "db");
    }

    @Test
    void aSessionResendsTheNetworkViewWhenATaskOnAnotherNodeStarts() {
        Task a1 = task("a1", "web", "A", TaskState.RUNNING, TaskState.RUNNING);
        StateSnapshot before = snapshot(List.of(a1, task("b1", "web", "B", TaskState.STARTING, TaskState.RUNNING)));
        StateSnapshot after = snapshot(List.of(a1, task("b1", "web", "B", TaskState.RUNNING, TaskState.RUNNING)));
        NodeSession session = new NodeSession("s", "A", null, T);
        List<AssignedTask> mine = AssignmentSet.byNode(before).get("A");
        assertThat(mine.get(0).networks()).extracting(NetworkAttachment::networkId).containsExactly("front");

        Assignments first = session.update(mine, NodeNetworks.byNode(before).get("A"), T, Duration.ofHours(1)).orElseThrow();
        assertThat(first.network()).isNotNull();
        assertThat(session.update(mine, NodeNetworks.byNode(before).get("A"), T, Duration.ofHours(1))).isEmpty();
        Assignments change = session.update(mine, NodeNetworks.byNode(after).get("A"), T, Duration.ofHours(1)).orElseThrow();

        assertThat(change.complete()).isFalse();
        assertThat(change.tasks()).isEmpty();
        assertThat(change.network().networks().get(0).peers()).extracting(Peer::ready).containsExactly(true, true);
    }

    static StateSnapshot mesh(List<Endpoint> endpoints) {
        Network ingress = new Network("ing", new Version(1), T, T, new NetworkSpec("ingress", "overlay", null, null, false, false, true, null),
                List.of(new NetworkSpec.IpamConfig("10.0.0.0/24", "10.0.0.1", null)), 4096);
        Networking net = new Networking(List.of(ingress),
                Map.of("a1", List.of(new NetworkAttachment("ing", List.of("10.0.0.7/24"), null))),
                Map.of("web", endpoints.get(0)),
                Map.of("A", List.of(new NetworkAttachment("ing", List.of("10.0.0.2/24"), null)),
                        "B", List.of(new NetworkAttachment("ing", List.of("10.0.0.3/24"), null)),
                        "C", List.of(new NetworkAttachment("ing", List.of("10.0.0.4/24"), null))));
        return new StateSnapshot(new Swarm("sw", new Version(1), T, T, null, null), 10,
                List.of(node("A", "192.168.50.2"), node("B", "192.168.50.3"), node("C", "192.168.50.4")),
                List.of(new Service("web", new Version(1), T, T, Services.replicated("web", 1), null)),
                List.of(task("a1", "web", "A", TaskState.RUNNING, TaskState.RUNNING)), net);
    }

    @Test
    void whileAServicePublishesAnIngressPortEveryNodeSeesTheIngressNetworkWithEveryNodesEndpoint() {
        Endpoint published = new Endpoint(List.of(new io.shoal.api.model.ServiceSpec.PortConfig(null, "tcp", 80, 8080, "ingress")),
                List.of(new Endpoint.VirtualIp("ing", "10.0.0.5/24")));
        Map<String, NetworkView> views = NodeNetworks.byNode(mesh(List.of(published)));

        assertThat(views).containsOnlyKeys("A", "B", "C");
        for (String node : List.of("A", "B", "C")) {
            NetworkInfo ingress = views.get(node).networks().get(0);
            assertThat(ingress.ingress()).isTrue();
            assertThat(ingress.nodes()).containsExactly(new NodeEndpoint("A", "192.168.50.2", "10.0.0.2/24"),
                    new NodeEndpoint("B", "192.168.50.3", "10.0.0.3/24"), new NodeEndpoint("C", "192.168.50.4", "10.0.0.4/24"));
            assertThat(ingress.peers()).containsExactly(new Peer("a1", "web", "A", "192.168.50.2", "10.0.0.7/24", List.of(), true));
            assertThat(views.get(node).services()).singleElement().satisfies(v -> assertThat(v.ports()).hasSize(1));
        }
    }

    @Test
    void withOnlyHostModePortsNodesWithoutTasksStayOffTheIngressNetwork() {
        Endpoint hostOnly = new Endpoint(List.of(new io.shoal.api.model.ServiceSpec.PortConfig(null, "tcp", 80, 8080, "host")), List.of());
        Map<String, NetworkView> views = NodeNetworks.byNode(mesh(List.of(hostOnly)));
        assertThat(views).containsOnlyKeys("A");
        assertThat(views.get("A").networks().get(0).nodes()).isEmpty();
    }
}
