package io.shoal.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.ipam.IpamError.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpamTest {

    private final Ipam ipam = Ipam.withDefaults();

    @Test
    void defaultPoolGivesConsecutiveNonOverlappingSubnets() {
        NetworkPool a = ipam.createNetwork("a", SubnetRequest.fromPool()).orElseThrow();
        NetworkPool b = ipam.createNetwork("b", SubnetRequest.fromPool()).orElseThrow();
        assertThat(a).isEqualTo(new NetworkPool("a", Cidr.of("10.0.0.0/24"), Ipv4.of("10.0.0.1"), Cidr.of("10.0.0.0/24")));
        assertThat(b.subnet()).isEqualTo(Cidr.of("10.0.1.0/24"));
        assertThat(b.gateway()).isEqualTo(Ipv4.of("10.0.1.1"));
    }

    @Test
    void defaultPoolSkipsUserSubnetsAndReusesRemovedOnes() {
        ipam.createNetwork("big", SubnetRequest.subnet("10.0.0.0/23")).orElseThrow();
        assertThat(ipam.createNetwork("a", SubnetRequest.fromPool()).orElseThrow().subnet()).isEqualTo(Cidr.of("10.0.2.0/24"));
        ipam.removeNetwork("big").orElseThrow();
        assertThat(ipam.createNetwork("b", SubnetRequest.fromPool()).orElseThrow().subnet()).isEqualTo(Cidr.of("10.0.0.0/24"));
    }

    @Test
    void userSubnetGatewayAndRange() {
        NetworkPool pool = ipam.createNetwork("u", SubnetRequest.subnet("172.28.0.0/16")
                .withGateway("172.28.5.254").withIpRange("172.28.5.0/24")).orElseThrow();
        assertThat(pool.gateway()).isEqualTo(Ipv4.of("172.28.5.254"));
        assertThat(ipam.allocateAddress("u", "t1").orElseThrow()).isEqualTo(Ipv4.of("172.28.5.0"));
        assertThat(ipam.allocateAddress("u", "t2").orElseThrow()).isEqualTo(Ipv4.of("172.28.5.1"));
    }

    @ParameterizedTest(name = "{0} gw={1} range={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "10.1.0.0/33, -, -, INVALID_REQUEST",
        "10.1.0.1/24, -, -, INVALID_REQUEST",
        "10.1.0.0/31, -, -, INVALID_REQUEST",
        "banana, -, -, INVALID_REQUEST",
        "10.1.0.0/24, 10.2.0.1, -, INVALID_REQUEST",
        "10.1.0.0/24, 10.1.0.255, -, INVALID_REQUEST",
        "10.1.0.0/24, -, 10.1.1.0/25, INVALID_REQUEST",
        "10.0.0.0/16, -, -, SUBNET_OVERLAPS",
        "10.0.0.128/25, -, -, SUBNET_OVERLAPS",
    })
    void refusesBadRequests(String subnet, String gateway, String range, Kind kind) {
        ipam.createNetwork("existing", SubnetRequest.fromPool()).orElseThrow();
        SubnetRequest request = SubnetRequest.subnet(subnet);
        if (gateway != null) {
            request = request.withGateway(gateway);
        }
        if (range != null) {
            request = request.withIpRange(range);
        }
        IpamResult<NetworkPool> result = ipam.createNetwork("n", request);
        assertThat(result).isInstanceOfSatisfying(IpamResult.Refused.class, r -> assertThat(r.error().kind()).isEqualTo(kind));
        assertThat(ipam.pool("n")).isEmpty();
    }

    @Test
    void addressesSkipNetworkGatewayAndBroadcastAndAreIdempotent() {
        ipam.createNetwork("n", SubnetRequest.subnet("10.9.0.0/29")).orElseThrow();
        List<Ipv4> got = List.of(
                ipam.allocateVip("n", "svc").orElseThrow(),
                ipam.allocateAddress("n", "a").orElseThrow(),
                ipam.allocateAddress("n", "b").orElseThrow(),
                ipam.allocateAddress("n", "c").orElseThrow(),
                ipam.allocateAddress("n", "d").orElseThrow());
        assertThat(got).extracting(Ipv4::toString).containsExactly("10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5", "10.9.0.6");
        assertThat(ipam.allocateAddress("n", "a").orElseThrow()).isEqualTo(Ipv4.of("10.9.0.3"));
        assertThat(ipam.allocateAddress("n", "e")).isInstanceOfSatisfying(IpamResult.Refused.class,
                r -> assertThat(r.error().kind()).isEqualTo(Kind.NETWORK_FULL));
    }

    @Test
    void releasedAddressIsReusedLowestFirst() {
        ipam.createNetwork("n", SubnetRequest.fromPool()).orElseThrow();
        ipam.allocateAddress("n", "a").orElseThrow();
        Ipv4 b = ipam.allocateAddress("n", "b").orElseThrow();
        ipam.allocateAddress("n", "c").orElseThrow();
        assertThat(ipam.releaseAddress("n", "b").orElseThrow()).isEqualTo(b);
        assertThat(ipam.allocateAddress("n", "d").orElseThrow()).isEqualTo(b);
        assertThat(ipam.releaseAddress("n", "b").isOk()).isFalse();
    }

    @Test
    void vipAndTaskOwnersDoNotCollide() {
        ipam.createNetwork("n", SubnetRequest.fromPool()).orElseThrow();
        Ipv4 vip = ipam.allocateVip("n", "x").orElseThrow();
        Ipv4 task = ipam.allocateAddress("n", "x").orElseThrow();
        assertThat(vip).isNotEqualTo(task);
        assertThat(ipam.allocations("n")).containsExactly(
                java.util.Map.entry(vip, "vip/x"), java.util.Map.entry(task, "task/x"));
        assertThat(ipam.releaseVip("n", "x").orElseThrow()).isEqualTo(vip);
    }

    @Test
    void reserveReplaysKnownAddressesAndRefusesConflicts() {
        ipam.createNetwork("n", SubnetRequest.fromPool()).orElseThrow();
        assertThat(ipam.reserveAddress("n", "a", Ipv4.of("10.0.0.7")).isOk()).isTrue();
        assertThat(ipam.reserveAddress("n", "a", Ipv4.of("10.0.0.7")).isOk()).isTrue();
        assertThat(kind(ipam.reserveAddress("n", "b", Ipv4.of("10.0.0.7")))).isEqualTo(Kind.ADDRESS_IN_USE);
        assertThat(kind(ipam.reserveAddress("n", "b", Ipv4.of("10.0.0.1")))).isEqualTo(Kind.ADDRESS_OUTSIDE_RANGE);
        assertThat(kind(ipam.reserveAddress("n", "b", Ipv4.of("10.0.1.7")))).isEqualTo(Kind.ADDRESS_OUTSIDE_RANGE);
        assertThat(kind(ipam.reserveAddress("n", "a", Ipv4.of("10.0.0.8")))).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(ipam.allocateAddress("n", "c").orElseThrow()).isEqualTo(Ipv4.of("10.0.0.2"));
    }

    @Test
    void networkInUseCannotBeRemoved() {
        ipam.createNetwork("n", SubnetRequest.fromPool()).orElseThrow();
        ipam.allocateAddress("n", "a").orElseThrow();
        assertThat(kind(ipam.removeNetwork("n"))).isEqualTo(Kind.NETWORK_IN_USE);
        ipam.releaseAddress("n", "a").orElseThrow();
        assertThat(ipam.removeNetwork("n").isOk()).isTrue();
        assertThat(kind(ipam.removeNetwork("n"))).isEqualTo(Kind.NO_SUCH_NETWORK);
        assertThat(kind(ipam.allocateAddress("n", "a"))).isEqualTo(Kind.NO_SUCH_NETWORK);
        assertThat(ipam.createNetwork("m", SubnetRequest.fromPool()).map(NetworkPool::subnet).orElseThrow()).isEqualTo(Cidr.of("10.0.0.0/24"));
    }

    @Test
    void poolExhaustion() {
        Ipam small = new Ipam(List.of(Cidr.of("192.168.0.0/23")), 24);
        small.createNetwork("a", SubnetRequest.fromPool()).orElseThrow();
        small.createNetwork("b", SubnetRequest.fromPool()).orElseThrow();
        assertThat(kind(small.createNetwork("c", SubnetRequest.fromPool()))).isEqualTo(Kind.POOL_EXHAUSTED);
        assertThat(kind(small.createNetwork("a", SubnetRequest.fromPool()))).isEqualTo(Kind.NETWORK_EXISTS);
    }

    @Test
    void sameCallsGiveSameResults() {
        Ipam one = Ipam.withDefaults();
        Ipam two = Ipam.withDefaults();
        for (Ipam i : List.of(one, two)) {
            for (int n = 0; n < 5; n++) {
                i.createNetwork("n" + n, SubnetRequest.fromPool()).orElseThrow();
                for (int t = 0; t < 20; t++) {
                    i.allocateAddress("n" + n, "t" + t).orElseThrow();
                }
                i.releaseAddress("n" + n, "t3").orElseThrow();
            }
        }
        for (int n = 0; n < 5; n++) {
            assertThat(one.allocations("n" + n)).isEqualTo(two.allocations("n" + n));
        }
    }

    @Test
    void thousandsOfNetworksStayDisjoint() {
        Ipam many = Ipam.withDefaults();
        many.createNetwork("user", SubnetRequest.subnet("10.3.0.0/16")).orElseThrow();
        java.util.Set<Cidr> seen = new java.util.HashSet<>();
        for (int n = 0; n < 5000; n++) {
            Cidr subnet = many.createNetwork("n" + n, SubnetRequest.fromPool()).orElseThrow().subnet();
            assertThat(subnet.overlaps(Cidr.of("10.3.0.0/16"))).isFalse();
            assertThat(seen.add(subnet)).isTrue();
        }
        assertThat(many.createNetwork("n5000", SubnetRequest.fromPool()).orElseThrow().subnet()).isEqualTo(Cidr.of("10.20.136.0/24")); // 5,000 + the 256 /24s of the user subnet;
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1, true", "255.255.255.255, true", "10.0.0, false", "10.0.0.256, false", "10.00.0.1, false", "1.2.3.4.5, false", "a.b.c.d, false"})
    void parsesIpv4Strictly(String text, boolean valid) {
        assertThat(Ipv4.parse(text).isPresent()).isEqualTo(valid);
        Ipv4.parse(text).ifPresent(ip -> assertThat(ip.toString()).isEqualTo(text));
    }

    private static Kind kind(IpamResult<?> result) {
        return result instanceof IpamResult.Refused<?> r ? r.error().kind() : null;
    }
}
