package io.shoal.net.lb;

import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.IfName;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Load balancing without IPVS: DNAT to {@code numgen random mod N} maps over the healthy
 * backends (sorted, so the text is deterministic), conntrack keeping each connection on its
 * backend. Every word comes from a validated value; no user text is interpolated.
 */
public final class NftRenderer {

    private NftRenderer() {}

    /**
     * The VIPs a task can reach, loaded into the task's own namespace (as Docker does with IPVS
     * there): its outgoing connections to a VIP are DNATed before routing. A VIP with no healthy
     * backend is rejected (connection refused) rather than left to time out.
     */
    public static NftTable vips(String table, List<ServiceVip> services) {
        StringBuilder nat = new StringBuilder();
        StringBuilder reject = new StringBuilder();
        services.stream().sorted(Comparator.comparing(ServiceVip::vip)).forEach(service -> {
            List<Ipv4> up = healthy(service.backends());
            if (up.isEmpty()) {
                reject.append("\t\tip daddr ").append(service.vip()).append(" reject\n");
            } else {
                nat.append("\t\tip daddr ").append(service.vip()).append(" dnat to ").append(choice(up)).append('\n');
            }
        });
        String body = chain("output", "type nat hook output priority -100; policy accept;", nat)
                + "\n" + chain("refuse", "type filter hook output priority 0; policy accept;", reject);
        return table(table, body);
    }

    /**
     * Published ports on one node: DNAT of traffic to any local address (not loopback) to the
     * backends. With an ingress source, traffic DNATed out of the ingress bridge is SNATed to
     * this node's own ingress address, so replies from a task on another node come back here.
     */
    public static NftTable publishedPorts(String table, List<PublishedPort> ports, Optional<IngressSource> ingress) {
        return publishedPorts(table, ports, ingress, List.of());
    }

    /**
     * As above, with hairpins: a connection DNATed back out through the bridge of the network its client is on (a
     * task reaching a published port whose backend shares its network) is masqueraded to that bridge's address, so
     * the backend answers through this host, where conntrack undoes the DNAT, rather than straight to the client
     * across the bridge, which the client would refuse. The task sees the connection come from its gateway.
     * (Bridged replies used to be un-NATed by br_netfilter on the host; Shoal's bridges are not there any more.)
     */
    public static NftTable publishedPorts(String table, List<PublishedPort> ports, Optional<IngressSource> ingress,
                                          List<Egress> hairpins) {
        StringBuilder rules = new StringBuilder();
        ports.stream().sorted(Comparator.comparing(PublishedPort::protocol).thenComparing(PublishedPort::published)).forEach(port -> {
            List<Ipv4> up = healthy(port.backends());
            if (!up.isEmpty()) {
                rules.append("\t\t").append(port.protocol().name().toLowerCase(java.util.Locale.ROOT)).append(" dport ")
                        .append(port.published()).append(" dnat to ").append(choice(up)).append(':').append(port.target()).append('\n');
            }
        });
        StringBuilder snat = new StringBuilder();
        hairpins.stream().sorted(Comparator.comparing((Egress e) -> e.subnet().network())).forEach(h -> snat
                .append("\t\toifname \"").append(h.bridge()).append("\" ip saddr ").append(h.subnet())
                .append(" ct status dnat masquerade\n"));
        ingress.ifPresent(source -> snat.append("\t\toifname \"").append(source.bridge()).append("\" ct status dnat snat to ")
                .append(source.address()).append('\n'));
        String body = chain("prerouting", "type nat hook prerouting priority -100; policy accept;",
                        new StringBuilder("\t\tfib daddr type local jump ports\n"))
                + "\n" + chain("output", "type nat hook output priority -100; policy accept;",
                        new StringBuilder("\t\tip daddr != 127.0.0.0/8 fib daddr type local jump ports\n"))
                + "\n" + chain("ports", null, rules)
                + "\n" + chain("postrouting", "type nat hook postrouting priority 100; policy accept;", snat);
        return table(table, body);
    }

    /**
     * Isolation between networks: a network's bridge forwards to no other bridge of this naming,
     * and internal networks' bridges forward nowhere else at all. (nft cannot compare iifname
     * with oifname, so each bridge gets its own rule.)
     *
     * @param bridgePrefix the prefix of every Shoal bridge, e.g. "shb" (matched as "shb*")
     */
    public static NftTable isolation(String table, String bridgePrefix, List<IfName> bridges, List<IfName> internalBridges) {
        return isolation(table, bridgePrefix, bridges, internalBridges, Optional.empty());
    }

    /**
     * As above, with the routing mesh's ingress bridge: a connection DNATed by this node's published ports table
     * (conntrack status dnat) may cross between the ingress bridge and another network's bridge, both ways, as a
     * published port answers any client; internal networks stay cut off (their rules come first), and anything
     * else from or to the ingress bridge is dropped like any other network's traffic.
     */
    public static NftTable isolation(String table, String bridgePrefix, List<IfName> bridges, List<IfName> internalBridges,
                                     Optional<IfName> ingress) {
        if (!IfName.valid(bridgePrefix)) {
            throw new IllegalArgumentException("unsafe bridge prefix: " + bridgePrefix);
        }
        StringBuilder rules = new StringBuilder();
        internalBridges.stream().map(IfName::value).distinct().sorted().forEach(bridge -> {
            rules.append("\t\tiifname \"").append(bridge).append("\" oifname != \"").append(bridge).append("\" drop\n");
            rules.append("\t\toifname \"").append(bridge).append("\" iifname != \"").append(bridge).append("\" drop\n");
        });
        ingress.ifPresent(bridge -> {
            rules.append("\t\toifname \"").append(bridge).append("\" ct status dnat accept\n");
            rules.append("\t\tiifname \"").append(bridge).append("\" ct status dnat accept\n");
        });
        bridges.stream().map(IfName::value).distinct().sorted().forEach(bridge -> rules.append("\t\tiifname \"").append(bridge)
                .append("\" oifname != \"").append(bridge).append("\" oifname \"").append(bridgePrefix).append("*\" drop\n"));
        return table(table, chain("forward", "type filter hook forward priority 0; policy accept;", rules));
    }

    /**
     * The way out for networks that are not internal (Docker's bridge masquerade): traffic from
     * a network's subnet leaving through anything but its own bridge is masqueraded to the host's
     * address. Internal networks are simply not listed (and {@link #isolation} drops theirs).
     */
    public static NftTable egress(String table, List<Egress> networks) {
        StringBuilder rules = new StringBuilder();
        networks.stream().sorted(Comparator.comparing((Egress e) -> e.subnet().network())).forEach(e -> rules
                .append("\t\tip saddr ").append(e.subnet()).append(" oifname != \"").append(e.bridge()).append("\" masquerade\n"));
        return table(table, chain("postrouting", "type nat hook postrouting priority 100; policy accept;", rules));
    }

    /** A network with a way out: its subnet and its bridge on this host. */
    public record Egress(io.shoal.net.ipam.Cidr subnet, IfName bridge) {}

    /** This node's address on the ingress network and that network's bridge. */
    public record IngressSource(IfName bridge, Ipv4 address) {}

    private static List<Ipv4> healthy(List<Backend> backends) {
        return backends.stream().filter(Backend::healthy).map(Backend::address).distinct().sorted().toList();
    }

    private static String choice(List<Ipv4> up) {
        if (up.size() == 1) {
            return up.get(0).toString();
        }
        StringBuilder map = new StringBuilder("numgen random mod ").append(up.size()).append(" map { ");
        for (int i = 0; i < up.size(); i++) {
            map.append(i == 0 ? "" : ", ").append(i).append(" : ").append(up.get(i));
        }
        return map.append(" }").toString();
    }

    private static String chain(String name, String hook, StringBuilder rules) {
        return "\tchain " + name + " {\n" + (hook == null ? "" : "\t\t" + hook + "\n") + rules + "\t}\n";
    }

    private static NftTable table(String name, String body) {
        if (!NftTable.validName(name)) {
            throw new IllegalArgumentException("unsafe nft table name: " + name);
        }
        return new NftTable(name, "table ip " + name + "\ndelete table ip " + name + "\ntable ip " + name + " {\n" + body + "}\n");
    }
}
