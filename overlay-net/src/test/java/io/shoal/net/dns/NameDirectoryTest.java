package io.shoal.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.dns.NetworkNames.Container;
import io.shoal.net.dns.NetworkNames.EndpointMode;
import io.shoal.net.dns.NetworkNames.Service;
import io.shoal.net.ipam.Ipv4;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameDirectoryTest {

    static final NameDirectory DIRECTORY = new NameDirectory(Map.of(
            "front", new NetworkNames("front",
                    List.of(new Service("web", List.of("www"), EndpointMode.VIP, Optional.of(Ipv4.of("10.0.0.2")),
                                    List.of(Ipv4.of("10.0.0.3"), Ipv4.of("10.0.0.4"))),
                            new Service("cache", List.of(), EndpointMode.DNSRR, Optional.empty(),
                                    List.of(Ipv4.of("10.0.0.5"), Ipv4.of("10.0.0.6")))),
                    List.of(new Container("web.1.abc", List.of("primary"), Ipv4.of("10.0.0.3")))),
            "back", new NetworkNames("back",
                    List.of(new Service("db", List.of(), EndpointMode.VIP, Optional.of(Ipv4.of("10.0.1.2")), List.of(Ipv4.of("10.0.1.3"))),
                            new Service("web", List.of(), EndpointMode.VIP, Optional.of(Ipv4.of("10.0.1.9")), List.of(Ipv4.of("10.0.1.10")))),
                    List.of())));

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "web          | front      | 10.0.0.2",
        "WEB.         | front      | 10.0.0.2",
        "www          | front      | 10.0.0.2",
        "tasks.web    | front      | 10.0.0.3 10.0.0.4",
        "tasks.www    | front      | 10.0.0.3 10.0.0.4",
        "cache        | front      | 10.0.0.5 10.0.0.6",
        "tasks.cache  | front      | 10.0.0.5 10.0.0.6",
        "primary      | front      | 10.0.0.3",
        "web.1.abc    | front      | 10.0.0.3",
        "db           | front      | -",
        "db           | back       | 10.0.1.2",
        "web          | back front | 10.0.1.9",
        "web          | front back | 10.0.0.2",
        "example.com  | front back | -",
        "tasks.       | front      | -",
        "web          | nowhere    | -",
    })
    void resolvesOnlyOnSharedNetworks(String name, String networks, String expected) {
        Optional<List<Ipv4>> got = DIRECTORY.viewFor(Arrays.asList(networks.split(" "))).resolve(name);
        if (expected == null) {
            assertThat(got).isEmpty();
        } else {
            assertThat(got).hasValue(Arrays.stream(expected.split(" ")).map(Ipv4::of).toList());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nameserver 192.168.1.1\\nnameserver 10.0.0.53\\nsearch lan | /192.168.1.1:53 /10.0.0.53:53",
        "# nameserver 1.1.1.1\\nnameserver   9.9.9.9  # quad9\\noptions ndots:1 | /9.9.9.9:53",
        "nameserver ::1\\nnameserver some.host | /[0:0:0:0:0:0:0:1]:53",
    })
    void readsNameserversFromResolvConf(String text, String expected) {
        assertThat(ResolvConf.nameservers(text.replace("\\n", "\n"))).extracting(Object::toString)
                .containsExactly(expected.split(" "));
    }
}
