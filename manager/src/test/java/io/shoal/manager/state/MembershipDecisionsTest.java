package io.shoal.manager.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.identity.NodeRole;
import io.shoal.api.model.Node;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Version;
import io.shoal.manager.ca.ClusterCa;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.testkit.fixtures.Nodes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipDecisionsTest {
    static final Clock CLOCK = Clock.fixed(Nodes.T0, ZoneOffset.UTC);
    static final ClusterSecurity SECURITY = ClusterSecurity.of(
            ClusterCa.create("s", Duration.ofDays(365), CLOCK, new SecureRandom()), new Random(5));
    static final Swarm SWARM = new Swarm("s", new Version(1), Nodes.T0, Nodes.T0, new Swarm.Spec("default", null, 5L, 5L),
            new Swarm.JoinTokens("w", "m"));

    private final MembershipDecisions decisions = new MembershipDecisions(CLOCK);

    private static State swarm() {
        return State.empty().apply(new ClusterEvent.SwarmInitialized(SWARM)).apply(new ClusterEvent.NodeRegistered(Nodes.manager("m1")));
    }

    private static State apply(State s, Decision<?> d) {
        d.events().forEach(s::apply);
        return s;
    }

    @Test
    void installingSecurityPublishesItsTokensOnTheSwarm() {
        State s = apply(swarm(), decisions.updateSecurity(swarm(), SECURITY, true));
        assertThat(s.security()).contains(SECURITY);
        assertThat(s.swarm().get().joinTokens()).isEqualTo(new Swarm.JoinTokens(SECURITY.token(NodeRole.WORKER).toString(),
                SECURITY.token(NodeRole.MANAGER).toString()));
        // A second init-time install changes nothing; a rotation replaces the secrets.
        assertThat(decisions.updateSecurity(s, ClusterSecurity.of(
                ClusterCa.create("s", Duration.ofDays(365), CLOCK, new SecureRandom()), new Random(6)), true).events()).isEmpty();
        ClusterSecurity rotated = SECURITY.rotate(true, true, new Random(7));
        apply(s, decisions.updateSecurity(s, rotated, false));
        assertThat(s.swarm().get().joinTokens().worker()).isEqualTo(rotated.token(NodeRole.WORKER).toString());
    }

    @Test
    void refusesSecurityBeforeInit() {
        assertThat(decisions.updateSecurity(State.empty(), SECURITY, true).result()).isInstanceOf(Result.Rejected.class);
    }

    @Test
    void admitsANewNodeWithItsTokensRoleAndReadmitsAKnownOne() {
        State s = swarm();
        Node joining = Nodes.ready("w1");
        apply(s, decisions.admitNode(s, joining, NodeRole.WORKER));
        assertThat(s.node("w1").get().spec().role()).isEqualTo("worker");
        assertThat(s.node("w1").get().isReady()).isTrue();
        apply(s, decisions.admitNode(s, joining, NodeRole.MANAGER));
        assertThat(s.node("w1").get().spec().role()).isEqualTo("manager");
        assertThat(s.nodes()).hasSize(2);
    }

    @Test
    void removesOnlyDownWorkersUnlessForced() {
        State s = swarm();
        apply(s, decisions.admitNode(s, Nodes.ready("w1"), NodeRole.WORKER));
        assertThat(((Result.Rejected<Node>) decisions.removeNode(s, "w1", false).result()).message())
                .endsWith("node w1 is not down and can't be removed");
        assertThat(((Result.Rejected<Node>) decisions.removeNode(s, "m1", true).result()).message())
                .contains("must be demoted to worker before removal");
        assertThat(decisions.removeNode(s, "nope", true).result()).isEqualTo(Result.rejected(Result.Reason.NOT_FOUND, "node nope not found"));
        apply(s, decisions.removeNode(s, "w1", true));
        assertThat(s.node("w1")).isEmpty();
    }

    static List<Object> records() {
        return List.of(new ClusterEvent.SecurityUpdated(SECURITY, 3), new ClusterEvent.NodeRemoved("n1", 4),
                new StateSnapshot(SWARM, 10, List.of(Nodes.ready("n1")), List.of(), List.of(), SECURITY));
    }

    @ParameterizedTest
    @MethodSource("records")
    void membershipRecordsRoundTripThroughProtobuf(Object record) throws Exception {
        ClusterStateSerializer s = new ClusterStateSerializer();
        assertThat(s.fromBinary(s.toBinary(record), s.manifest(record))).isEqualTo(record);
    }
}
