package io.shoal.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.manager.state.Decision;
import io.shoal.manager.state.Decisions;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Services on networks: targets, VIPs, published ports and task addresses, decided and applied as the behavior does. */
class ServiceNetworksTest {
    State state;
    Decisions decisions;
    NetworkDecisions networks;
    Network backend;

    @BeforeEach
    void swarmWithBackend() {
        AtomicInteger n = new AtomicInteger();
        Clock clock = Clock.fixed(Nodes.T0, ZoneOffset.UTC);
        decisions = new Decisions(clock, () -> String.format("id%023d", n.incrementAndGet()));
        networks = new NetworkDecisions(clock, () -> String.format("net%022d", n.incrementAndGet()));
        state = State.empty();
        run(networks.withIngress(state, decisions.initSwarm(state, Nodes.manager("node1"))));
        backend = run(networks.create(state, NetworkDecisionsTest.overlay("backend", "10.20.0.0/24")));
    }

    <T> T run(Decision<T> d) {
        assertThat(d.result()).as("%s", d.result()).isInstanceOf(Result.Ok.class);
        decisions.withReconciliation(state, d.events(), 5).forEach(state::apply);
        return ((Result.Ok<T>) d.result()).value();
    }

    Service create(ServiceSpec spec) {
        return run(ServiceEndpoints.decide(state, decisions.createService(state, spec)));
    }

    Decision<Service> tryCreate(ServiceSpec spec) {
        return ServiceEndpoints.decide(state, decisions.createService(state, spec));
    }

    static ServiceSpec on(ServiceSpec s, String... targets) {
        TaskSpec t = s.taskTemplate();
        List<TaskSpec.NetworkAttachmentConfig> nets = new ArrayList<>();
        for (String target : targets) {
            nets.add(new TaskSpec.NetworkAttachmentConfig(target, target.equals("backend") ? List.of("api") : null, null));
        }
        return s.withTaskTemplate(new TaskSpec(t.containerSpec(), t.resources(), t.restartPolicy(), t.placement(), nets,
                t.logDriver(), t.forceUpdate(), t.runtime()));
    }

    static ServiceSpec publishing(ServiceSpec s, String mode, ServiceSpec.PortConfig... ports) {
        return new ServiceSpec(s.name(), s.labels(), s.taskTemplate(), s.mode(), s.updateConfig(), s.rollbackConfig(),
                new ServiceSpec.EndpointSpec(mode, List.of(ports)));
    }

    static ServiceSpec.PortConfig port(int target, Integer published) {
        return new ServiceSpec.PortConfig(null, null, target, published, null);
    }

    List<Task> live(Service s) {
        return state.tasksOf(s.id()).stream().filter(Task::isLive).toList();
    }

    @Test
    void tasksOfAServiceOnANetworkGetOneAddressEachAndTheServiceAVip() {
        Service web = create(on(Services.replicated("web", 3), "backend"));
        assertThat(web.spec().taskTemplate().networks()).extracting(TaskSpec.NetworkAttachmentConfig::target).containsExactly(backend.id());
        Endpoint e = state.networks().endpointOf(web.id());
        assertThat(e.virtualIps()).containsExactly(new Endpoint.VirtualIp(backend.id(), "10.20.0.2/24"));
        List<String> addresses = live(web).stream().map(t -> state.networks().snapshot().attachmentsOf(t.id()))
                .map(a -> a.get(0).addresses().get(0)).sorted().toList();
        assertThat(addresses).containsExactly("10.20.0.3/24", "10.20.0.4/24", "10.20.0.5/24");
        assertThat(state.networks().snapshot().attachmentsOf(live(web).get(0).id()).get(0).aliases()).containsExactly("api");
    }

    @Test
    void ingressPortsAttachToTheIngressNetworkAndGetAVipThere() {
        Service web = create(publishing(on(Services.replicated("web", 1), "backend"), null, port(80, 8080)));
        Network ingress = state.networks().ingress().orElseThrow();
        Endpoint e = state.networks().endpointOf(web.id());
        assertThat(e.ports()).containsExactly(new ServiceSpec.PortConfig(null, "tcp", 80, 8080, "ingress"));
        assertThat(e.virtualIps()).extracting(Endpoint.VirtualIp::networkId).containsExactly(ingress.id(), backend.id());
        assertThat(state.networks().snapshot().attachmentsOf(live(web).get(0).id())).extracting(NetworkAttachment::networkId)
                .containsExactly(ingress.id(), backend.id());
    }

    @Test
    void publishedPortsAreAssignedFrom30000AndKeptAcrossUpdates() {
        Service a = create(publishing(Services.replicated("a", 1), null, port(80, 0)));
        Service b = create(publishing(Services.replicated("b", 1), null, port(80, null), port(443, 0)));
        assertThat(state.networks().endpointOf(a.id()).ports()).extracting(ServiceSpec.PortConfig::publishedPort).containsExactly(30000);
        assertThat(state.networks().endpointOf(b.id()).ports()).extracting(ServiceSpec.PortConfig::publishedPort).containsExactly(30001, 30002);
        Service a2 = run(ServiceEndpoints.decide(state, decisions.updateService(state, a.id(), a.version().index(),
                Services.withEnv(publishing(Services.replicated("a", 2), null, port(80, 0)), "X=1"))));
        assertThat(state.networks().endpointOf(a2.id()).ports()).extracting(ServiceSpec.PortConfig::publishedPort).containsExactly(30000);
    }

    @Test
    void publishingAndUnpublishingAnIngressPortReattachesRunningTasksInPlace() {
        Service web = create(on(Services.replicated("web", 2), "backend"));
        List<String> ids = live(web).stream().map(Task::id).toList();
        Network ingress = state.networks().ingress().orElseThrow();
        web = run(ServiceEndpoints.decide(state, decisions.updateService(state, web.id(), web.version().index(),
                publishing(on(Services.replicated("web", 2), "backend"), null, port(80, 8080)))));
        assertThat(live(web)).extracting(Task::id).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(state.networks().attachmentsOf(id)).extracting(NetworkAttachment::networkId).containsExactly(ingress.id(), backend.id());
        }
        assertThat(state.networks().allocations(ingress.id())).hasSize(4); // node1's endpoint, the VIP and two tasks
        web = run(ServiceEndpoints.decide(state, decisions.updateService(state, web.id(), web.version().index(),
                on(Services.replicated("web", 2), "backend"))));
        for (String id : ids) {
            assertThat(state.networks().attachmentsOf(id)).extracting(NetworkAttachment::networkId).containsExactly(backend.id());
        }
        assertThat(state.networks().allocations(ingress.id()).values()).containsExactly("task/n:node1"); // the node keeps its own
        assertUniqueLiveAddresses();
    }

    @Test
    void withoutAnIngressNetworkIngressPortsAreRefusedUntilOneIsCreated() {
        run(networks.remove(state, state.networks().ingress().orElseThrow().id()));
        Decision<Service> refused = tryCreate(publishing(Services.replicated("web", 1), null, port(80, 8080)));
        assertThat(((Result.Rejected<Service>) refused.result()).message())
                .startsWith("EndpointSpec.Ports: service needs ingress network, but no ingress network is present");
        Network mesh = run(networks.create(state, new NetworkSpec("mesh", "overlay", null, null, false, false, true, null)));
        Service web = create(publishing(Services.replicated("web", 1), null, port(80, 8080)));
        assertThat(state.networks().endpointOf(web.id()).virtualIps()).extracting(Endpoint.VirtualIp::networkId).containsExactly(mesh.id());
    }

    @Test
    void dnsrrServicesGetNoVip() {
        Service web = create(publishing(on(Services.replicated("web", 2), "backend"), "dnsrr"));
        assertThat(state.networks().endpointOf(web.id()).virtualIps()).isEmpty();
        assertThat(live(web)).allSatisfy(t -> assertThat(state.networks().snapshot().attachmentsOf(t.id())).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown network | nope    | 0    | NOT_FOUND TaskTemplate.Networks[0].Target: network nope not found",
        "ingress target  | ingress | 0    | INVALID TaskTemplate.Networks[0].Target: service cannot be explicitly attached to the ingress network \"ingress\"",
        "port in use     | backend | 8080 | INVALID EndpointSpec.Ports[0].PublishedPort: port '8080' is already in use by service 'taken'",
    })
    void conflictsAreRefusedWithTheirFieldPath(String name, String network, int published, String expected) {
        create(publishing(Services.replicated("taken", 1), null, port(80, 8080)));
        ServiceSpec spec = on(Services.replicated("web", 1), network);
        Decision<Service> d = tryCreate(published == 0 ? spec : publishing(spec, null, port(81, published)));
        assertThat(d.result()).isInstanceOf(Result.Rejected.class);
        Result.Rejected<Service> no = (Result.Rejected<Service>) d.result();
        assertThat(no.reason() + " " + no.message()).startsWith(expected);
    }

    @Test
    void aNetworkInUseCannotBeRemovedUntilItsServiceIsGone() {
        Service web = create(on(Services.replicated("web", 2), "backend"));
        Decision<Network> refused = networks.remove(state, backend.id());
        assertThat(((Result.Rejected<Network>) refused.result()).message())
                .isEqualTo("error while removing network: network backend id " + backend.id() + " has active endpoints (service web)");
        run(decisions.removeService(state, web.id()));
        assertThat(state.tasks()).isEmpty();
        assertThat(state.networks().allocations(backend.id())).isEmpty();
        run(networks.remove(state, backend.id()));
    }

    @Test
    void scalingDownReleasesAddressesForReuse() {
        Service web = create(on(Services.replicated("web", 3), "backend"));
        web = run(ServiceEndpoints.decide(state, decisions.updateService(state, web.id(), web.version().index(), on(Services.replicated("web", 1), "backend"))));
        assertThat(state.networks().allocations(backend.id())).hasSize(2); // the VIP and one task
        run(ServiceEndpoints.decide(state, decisions.updateService(state, web.id(), web.version().index(), on(Services.replicated("web", 3), "backend"))));
        assertThat(state.networks().allocations(backend.id()).keySet()).extracting(Object::toString)
                .containsExactlyInAnyOrder("10.20.0.2", "10.20.0.3", "10.20.0.4", "10.20.0.5");
    }

    @Test
    void noTwoLiveAttachmentsShareAnAddressAndReplayRebuildsTheSameAllocations() {
        Random random = new Random(7);
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            services.add(create(on(Services.replicated("s" + i, 1 + random.nextInt(5)), "backend")));
        }
        for (int step = 0; step < 60; step++) {
            int i = random.nextInt(services.size());
            Service s = state.service(services.get(i).id()).orElseThrow();
            ServiceSpec next = on(Services.replicated(s.spec().name(), random.nextInt(8)), "backend");
            if (random.nextBoolean()) {
                next = Services.withEnv(next, "STEP=" + step);
            }
            services.set(i, run(ServiceEndpoints.decide(state, decisions.updateService(state, s.id(), s.version().index(), next))));
            assertUniqueLiveAddresses();
        }
        StateSnapshot before = StateSnapshot.of(state);
        State restored = before.toState();
        assertThat(restored.networks().allocations(backend.id())).isEqualTo(state.networks().allocations(backend.id()));
        assertThat(StateSnapshot.of(restored)).isEqualTo(before);
    }

    void assertUniqueLiveAddresses() {
        Set<String> seen = new HashSet<>();
        for (Endpoint e : state.networks().endpoints().values()) {
            e.virtualIps().forEach(v -> assertThat(seen.add(v.networkId() + " " + v.addr())).as("VIP %s", v).isTrue());
        }
        for (Task t : state.tasks()) {
            if (t.status().state().isTerminal()) {
                continue;
            }
            for (NetworkAttachment a : state.networks().snapshot().attachmentsOf(t.id())) {
                a.addresses().forEach(addr -> assertThat(seen.add(a.networkId() + " " + addr)).as("address %s of %s", addr, t.id()).isTrue());
            }
        }
    }
}
