package io.shoal.api.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.NetworkSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Network specs: each bad field is reported with Docker's field path; good ones pass. */
class NetworkValidatorTest {

    static NetworkSpec spec(String name, String driver, String subnet, String gateway, String range) {
        NetworkSpec.Ipam ipam = subnet == null && gateway == null && range == null ? null
                : new NetworkSpec.Ipam(null, List.of(new NetworkSpec.IpamConfig(subnet, gateway, range)), null);
        return new NetworkSpec(name, driver, Map.of("team", "a"), null, false, false, false, ipam);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "plain overlay        | backend    | -       | -              | -          | -             | ",
        "bridge with subnet   | my_net.1   | bridge  | 10.20.0.0/24   | 10.20.0.9  | 10.20.0.0/25  | ",
        "empty name           | ''         | -       | -              | -          | -             | Name: network name must be provided",
        "leading dash         | -x         | -       | -              | -          | -             | Name: invalid network name \"-x\"",
        "space in name        | a b        | -       | -              | -          | -             | Name: invalid network name \"a b\"",
        "unknown driver       | n          | macvlan | -              | -          | -             | Driver: unsupported network driver \"macvlan\"",
        "subnet not a CIDR    | n          | -       | 10.0.0.0       | -          | -             | IPAM.Config[0].Subnet: invalid subnet \"10.0.0.0\"",
        "gateway alone        | n          | -       | -              | 10.0.0.1   | -             | IPAM.Config[0].Gateway: a gateway needs a subnet",
        "range alone          | n          | -       | -              | -          | 10.0.0.0/25   | IPAM.Config[0].IPRange: an IP range needs a subnet",
        "gateway not address  | n          | -       | 10.0.0.0/24    | 10.0.0.x   | -             | IPAM.Config[0].Gateway: invalid gateway \"10.0.0.x\"",
    })
    void networkSpecs(String title, String name, String driver, String subnet, String gateway, String range, String expected) {
        List<Violation> v = NetworkValidator.validate(spec(name, driver, subnet, gateway, range));
        if (expected == null) {
            assertThat(v).isEmpty();
        } else {
            assertThat(v).extracting(Violation::toString).anyMatch(s -> s.startsWith(expected));
        }
    }

    @ParameterizedTest(name = "ingress with driver {0}, attachable {1}")
    @CsvSource({"bridge, false, Ingress: an ingress network must use the overlay driver",
                "overlay, true, Attachable: an ingress network cannot be attachable"})
    void ingressNetworksAreOverlaysNobodyAttachesTo(String driver, boolean attachable, String expected) {
        NetworkSpec s = new NetworkSpec("ingress", driver, null, null, false, attachable, true, null);
        assertThat(NetworkValidator.validate(s)).extracting(Violation::toString).containsExactly(expected);
    }

    @Test
    void onePoolPerNetwork() {
        NetworkSpec s = new NetworkSpec("n", null, null, null, false, false, false, new NetworkSpec.Ipam("default",
                List.of(new NetworkSpec.IpamConfig("10.1.0.0/24", null, null), new NetworkSpec.IpamConfig("10.2.0.0/24", null, null)), null));
        assertThat(NetworkValidator.validate(s)).extracting(Violation::toString)
                .containsExactly("IPAM.Config: only one IPv4 pool per network is supported, got 2");
    }
}
