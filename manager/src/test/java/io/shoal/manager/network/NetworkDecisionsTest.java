package io.shoal.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkSpec;
import io.shoal.manager.state.Decision;
import io.shoal.manager.state.Decisions;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.testkit.fixtures.Nodes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Network create, remove and prune against the pure decisions, applied as the behavior applies them. */
class NetworkDecisionsTest {
    State state;
    NetworkDecisions networks;

    static NetworkSpec overlay(String name, String subnet) {
        return new NetworkSpec(name, "overlay", null, null, false, false, false,
                subnet == null ? null : new NetworkSpec.Ipam(null, List.of(new NetworkSpec.IpamConfig(subnet, null, null)), null));
    }

    @BeforeEach
    void swarm() {
        AtomicInteger n = new AtomicInteger();
        Clock clock = Clock.fixed(Nodes.T0, ZoneOffset.UTC);
        Decisions decisions = new Decisions(clock, () -> String.format("id%023d", n.incrementAndGet()));
        networks = new NetworkDecisions(clock, () -> String.format("net%022d", n.incrementAndGet()));
        state = State.empty();
        run(networks.withIngress(state, decisions.initSwarm(state, Nodes.manager("node1"))));
    }

    <T> T run(Decision<T> d) {
        assertThat(d.result()).isInstanceOf(Result.Ok.class);
        d.events().forEach(state::apply);
        return ((Result.Ok<T>) d.result()).value();
    }

    static String refusal(Decision<?> d) {
        assertThat(d.result()).isInstanceOf(Result.Rejected.class);
        assertThat(d.events()).isEmpty();
        return ((Result.Rejected<?>) d.result()).reason() + " " + ((Result.Rejected<?>) d.result()).message();
    }

    @Test
    void swarmInitCreatesTheIngressNetworkLikeSwarm() {
        Network ingress = state.networks().ingress().orElseThrow();
        assertThat(ingress.spec().name()).isEqualTo("ingress");
        assertThat(ingress.spec().driver()).isEqualTo("overlay");
        assertThat(ingress.pools()).containsExactly(new NetworkSpec.IpamConfig("10.0.0.0/24", "10.0.0.1", null));
        assertThat(ingress.vni()).isEqualTo(4096);
    }

    @Test
    void subnetsComeFromTheDefaultPoolSkippingTakenOnes() {
        Network a = run(networks.create(state, overlay("a", null)));
        run(networks.create(state, overlay("b", "10.0.2.0/23")));
        Network c = run(networks.create(state, overlay("c", null)));
        assertThat(a.pools().get(0).subnet()).isEqualTo("10.0.1.0/24");
        assertThat(c.pools().get(0).subnet()).isEqualTo("10.0.4.0/24");
        assertThat(List.of(a.vni(), c.vni())).containsExactly(4097, 4099);
    }

    @Test
    void aUserSubnetGatewayAndRangeAreRecorded() {
        NetworkSpec spec = new NetworkSpec("backend", null, Map.of("team", "a"), Map.of("mtu", "1400"), true, true, false,
                new NetworkSpec.Ipam(null, List.of(new NetworkSpec.IpamConfig("10.20.0.0/16", "10.20.0.254", "10.20.5.0/24")), null));
        Network n = run(networks.create(state, spec));
        assertThat(n.pools()).containsExactly(new NetworkSpec.IpamConfig("10.20.0.0/16", "10.20.0.254", "10.20.5.0/24"));
        assertThat(n.spec().driver()).isEqualTo("overlay");
        assertThat(n.spec().ipam().driver()).isEqualTo("default");
        assertThat(n.spec().internal()).isTrue();
    }

    @Test
    void bridgeNetworksGetNoVni() {
        assertThat(run(networks.create(state, new NetworkSpec("local", "bridge", null, null, false, false, false, null))).vni()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-bad        |            | INVALID invalid network spec: Name: invalid network name \"-bad\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed, at most 255 characters",
        "ok          | 10.0.0.0/16 | FORBIDDEN invalid pool request: Pool overlaps with other one on this address space: subnet 10.0.0.0/16 overlaps with network ingress",
        "ok          | 10.1.0.1/16 | INVALID invalid network spec: IPAM.Config[0].Subnet",
        "ok          | 10.1.0.0/31 | INVALID IPAM.Config[0]: subnet 10.1.0.0/31 is not an IPv4 prefix of /30 or larger",
        "bridge      |            | FORBIDDEN bridge is a pre-defined network and cannot be created",
        "taken       |            | CONFLICT network with name taken already exists",
    })
    void badRequestsAreRefusedNamingWhatIsWrong(String name, String subnet, String expected) {
        run(networks.create(state, overlay("taken", null)));
        String refusal = refusal(networks.create(state, overlay(name, subnet)));
        if (expected.contains("Config[0].Subnet")) {
            assertThat(refusal).startsWith("INVALID IPAM.Config[0]").endsWith("(it has host bits set: it should be 10.1.0.0/16)");
        } else {
            assertThat(refusal).startsWith(expected);
        }
    }

    @Test
    void aSecondIngressIsRefused() {
        NetworkSpec spec = new NetworkSpec("ingress2", "overlay", null, null, false, false, true, null);
        assertThat(refusal(networks.create(state, spec))).startsWith("FORBIDDEN ingress network already exists: ingress");
    }

    @Test
    void removeFreesTheSubnetAndVniForTheNextNetwork() {
        Network a = run(networks.create(state, overlay("a", null)));
        run(networks.remove(state, a.id()));
        assertThat(state.networks().network(a.id())).isEmpty();
        Network b = run(networks.create(state, overlay("b", null)));
        assertThat(b.pools().get(0).subnet()).isEqualTo("10.0.1.0/24");
        assertThat(b.vni()).isEqualTo(a.vni());
    }

    @Test
    void pruneKeepsIngressAndWhatTheFilterLeaves() {
        run(networks.create(state, overlay("a", null)));
        run(networks.create(state, overlay("b", null)));
        List<String> pruned = run(networks.prune(state, n -> n.spec().name().equals("a")));
        assertThat(pruned).containsExactly("a");
        assertThat(run(networks.prune(state, n -> true))).containsExactly("b");
        assertThat(state.networks().networks()).extracting(n -> n.spec().name()).containsExactly("ingress");
    }
}
