package io.shoal.net.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.NftRenderer.IngressSource;
import io.shoal.net.lb.PublishedPort.Mode;
import io.shoal.net.lb.PublishedPort.Protocol;
import io.shoal.net.plan.IfName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NftRendererTest {

    private static Backend up(String ip) {
        return Backend.healthy(Ipv4.of(ip));
    }

    private static Backend down(String ip) {
        return new Backend(Ipv4.of(ip), false);
    }

    private static final String HEAD = "table ip t\ndelete table ip t\ntable ip t {\n";

    static Stream<Arguments> vipCases() {
        return Stream.of(
                Arguments.of("three healthy backends, given unsorted",
                        List.of(new ServiceVip("web", Ipv4.of("10.0.1.2"), List.of(up("10.0.1.5"), up("10.0.1.3"), up("10.0.1.4")))),
                        "\t\tip daddr 10.0.1.2 dnat to numgen random mod 3 map { 0 : 10.0.1.3, 1 : 10.0.1.4, 2 : 10.0.1.5 }\n", ""),
                Arguments.of("an unhealthy backend gets no traffic",
                        List.of(new ServiceVip("web", Ipv4.of("10.0.1.2"), List.of(up("10.0.1.3"), down("10.0.1.4"), up("10.0.1.5")))),
                        "\t\tip daddr 10.0.1.2 dnat to numgen random mod 2 map { 0 : 10.0.1.3, 1 : 10.0.1.5 }\n", ""),
                Arguments.of("one backend needs no map",
                        List.of(new ServiceVip("web", Ipv4.of("10.0.1.2"), List.of(up("10.0.1.3"), down("10.0.1.4")))),
                        "\t\tip daddr 10.0.1.2 dnat to 10.0.1.3\n", ""),
                Arguments.of("no healthy backend is refused, services sorted by VIP",
                        List.of(new ServiceVip("b", Ipv4.of("10.0.1.9"), List.of(down("10.0.1.4"))),
                                new ServiceVip("a", Ipv4.of("10.0.1.2"), List.of(up("10.0.1.3")))),
                        "\t\tip daddr 10.0.1.2 dnat to 10.0.1.3\n", "\t\tip daddr 10.0.1.9 reject\n"),
                Arguments.of("nothing at all", List.of(), "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vipCases")
    void vips(String name, List<ServiceVip> services, String natRules, String rejectRules) {
        assertThat(NftRenderer.vips("t", services).text()).isEqualTo(HEAD
                + "\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n" + natRules + "\t}\n\n"
                + "\tchain refuse {\n\t\ttype filter hook output priority 0; policy accept;\n" + rejectRules + "\t}\n}\n");
    }

    static Stream<Arguments> portCases() {
        IngressSource ingress = new IngressSource(new IfName("shb0123456789ab"), Ipv4.of("10.255.0.2"));
        return Stream.of(
                Arguments.of("ingress: any node's tasks, SNAT to the node's ingress address",
                        List.of(new PublishedPort(Protocol.TCP, 8080, 80, Mode.INGRESS, List.of(up("10.255.0.7"), up("10.255.0.5")))),
                        Optional.of(ingress),
                        "\t\ttcp dport 8080 dnat to numgen random mod 2 map { 0 : 10.255.0.5, 1 : 10.255.0.7 }:80\n",
                        "\t\toifname \"shb0123456789ab\" ct status dnat snat to 10.255.0.2\n"),
                Arguments.of("host mode, udp and tcp sorted, a port without healthy tasks left out",
                        List.of(new PublishedPort(Protocol.UDP, 53, 5353, Mode.HOST, List.of(up("10.0.2.3"))),
                                new PublishedPort(Protocol.TCP, 9000, 9000, Mode.HOST, List.of(down("10.0.2.4"))),
                                new PublishedPort(Protocol.TCP, 443, 8443, Mode.HOST, List.of(up("10.0.2.4")))),
                        Optional.empty(),
                        "\t\ttcp dport 443 dnat to 10.0.2.4:8443\n\t\tudp dport 53 dnat to 10.0.2.3:5353\n",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portCases")
    void publishedPorts(String name, List<PublishedPort> ports, Optional<IngressSource> ingress, String rules, String snat) {
        assertThat(NftRenderer.publishedPorts("t", ports, ingress).text()).isEqualTo(HEAD
                + "\tchain prerouting {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
                + "\t\tfib daddr type local jump ports\n\t}\n\n"
                + "\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n"
                + "\t\tip daddr != 127.0.0.0/8 fib daddr type local jump ports\n\t}\n\n"
                + "\tchain ports {\n" + rules + "\t}\n\n"
                + "\tchain postrouting {\n\t\ttype nat hook postrouting priority 100; policy accept;\n" + snat + "\t}\n}\n");
    }

    @org.junit.jupiter.api.Test
    void aConnectionDnatedBackIntoItsClientsNetworkIsMasqueradedToThatBridge() {
        IngressSource ingress = new IngressSource(new IfName("shb0123456789ab"), Ipv4.of("10.255.0.2"));
        String text = NftRenderer.publishedPorts("t", List.of(new PublishedPort(Protocol.TCP, 8080, 80, Mode.HOST,
                List.of(up("10.0.2.4")))), Optional.of(ingress), List.of(
                        new NftRenderer.Egress(io.shoal.net.ipam.Cidr.of("10.0.3.0/24"), new IfName("shbbbbbbbbbbbbb")),
                        new NftRenderer.Egress(io.shoal.net.ipam.Cidr.of("10.0.2.0/24"), new IfName("shbaaaaaaaaaaaa")))).text();

        assertThat(text).contains("\tchain postrouting {\n\t\ttype nat hook postrouting priority 100; policy accept;\n"
                + "\t\toifname \"shbaaaaaaaaaaaa\" ip saddr 10.0.2.0/24 ct status dnat masquerade\n"
                + "\t\toifname \"shbbbbbbbbbbbbb\" ip saddr 10.0.3.0/24 ct status dnat masquerade\n"
                + "\t\toifname \"shb0123456789ab\" ct status dnat snat to 10.255.0.2\n\t}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "T", "1t", "a b", "t;flush ruleset", "a-b", "abcdefghijabcdefghijabcdefghijabc"})
    void unsafeTableNamesAreRefused(String name) {
        assertThatThrownBy(() -> NftRenderer.vips(name, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536, -1})
    void portsOutOfRangeAreRefused(int port) {
        assertThatThrownBy(() -> new PublishedPort(Protocol.TCP, port, 80, Mode.HOST, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void egressMasqueradesEachNetworkLeavingItsBridge() {
        assertThat(NftRenderer.egress("t", List.of(
                new NftRenderer.Egress(io.shoal.net.ipam.Cidr.of("10.0.2.0/24"), new IfName("shb00000000000b")),
                new NftRenderer.Egress(io.shoal.net.ipam.Cidr.of("10.0.1.0/24"), new IfName("shb00000000000a")))).text())
                .isEqualTo(HEAD + """
                        \tchain postrouting {
                        \t\ttype nat hook postrouting priority 100; policy accept;
                        \t\tip saddr 10.0.1.0/24 oifname != "shb00000000000a" masquerade
                        \t\tip saddr 10.0.2.0/24 oifname != "shb00000000000b" masquerade
                        \t}
                        }
                        """);
    }

    @org.junit.jupiter.api.Test
    void isolation() {
        assertThat(NftRenderer.isolation("t", "shb", List.of(new IfName("shb00000000000b"), new IfName("shb00000000000a")),
                List.of(new IfName("shb00000000000a"))).text())
                .isEqualTo(HEAD + """
                        \tchain forward {
                        \t\ttype filter hook forward priority 0; policy accept;
                        \t\tiifname "shb00000000000a" oifname != "shb00000000000a" drop
                        \t\toifname "shb00000000000a" iifname != "shb00000000000a" drop
                        \t\tiifname "shb00000000000a" oifname != "shb00000000000a" oifname "shb*" drop
                        \t\tiifname "shb00000000000b" oifname != "shb00000000000b" oifname "shb*" drop
                        \t}
                        }
                        """);
    }

    /** Internal networks stay cut off first; then published-port connections (DNATed here) may cross to and from ingress. */
    @org.junit.jupiter.api.Test
    void isolationWithTheRoutingMeshLetsOnlyPublishedPortConnectionsCrossToIngress() {
        assertThat(NftRenderer.isolation("t", "shb", List.of(new IfName("shb0000000000in"), new IfName("shb00000000000a"),
                        new IfName("shb00000000000i")), List.of(new IfName("shb00000000000i")), Optional.of(new IfName("shb0000000000in"))).text())
                .isEqualTo(HEAD + """
                        \tchain forward {
                        \t\ttype filter hook forward priority 0; policy accept;
                        \t\tiifname "shb00000000000i" oifname != "shb00000000000i" drop
                        \t\toifname "shb00000000000i" iifname != "shb00000000000i" drop
                        \t\toifname "shb0000000000in" ct status dnat accept
                        \t\tiifname "shb0000000000in" ct status dnat accept
                        \t\tiifname "shb00000000000a" oifname != "shb00000000000a" oifname "shb*" drop
                        \t\tiifname "shb00000000000i" oifname != "shb00000000000i" oifname "shb*" drop
                        \t\tiifname "shb0000000000in" oifname != "shb0000000000in" oifname "shb*" drop
                        \t}
                        }
                        """);
    }
}
