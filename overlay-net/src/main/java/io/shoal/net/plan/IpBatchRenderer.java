package io.shoal.net.plan;

import io.shoal.net.plan.Batch.Tool;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.LinkChange.AddBridge;
import io.shoal.net.plan.LinkChange.AddMacvlan;
import io.shoal.net.plan.LinkChange.AddRemote;
import io.shoal.net.plan.LinkChange.AddVeth;
import io.shoal.net.plan.LinkChange.AddVxlan;
import io.shoal.net.plan.LinkChange.DeleteLink;
import io.shoal.net.plan.LinkChange.DeleteRemote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a change set as the fewest batches that keep its order: consecutive lines for the
 * same tool, namespace and strictness share one batch. Every word comes from a validated
 * record ({@link IfName}, {@link NetnsName}, {@link io.shoal.net.ipam.Ipv4}, {@link Mac}, ints),
 * so no user text reaches {@code ip} or {@code bridge}.
 */
public final class IpBatchRenderer {

    /** The VXLAN UDP port (IANA). */
    public static final int VXLAN_PORT = 4789;

    private IpBatchRenderer() {}

    public static List<Batch> render(List<LinkChange> changes) {
        List<Batch> batches = new ArrayList<>();
        int start = 0;
        while (start < changes.size()) {
            // A run of changes of one kind is independent within itself, so its lines can be
            // grouped per tool and namespace: 100 remote entries become 2 batches, not 200.
            int end = start;
            Map<Key, StringBuilder> groups = new LinkedHashMap<>();
            while (end < changes.size() && changes.get(end).getClass() == changes.get(start).getClass()) {
                for (Line line : lines(changes.get(end))) {
                    groups.computeIfAbsent(new Key(line.tool, line.netns, line.bestEffort), k -> new StringBuilder())
                            .append(line.text).append('\n');
                }
                end++;
            }
            groups.forEach((key, text) -> append(batches, key, text.toString()));
            start = end;
        }
        return batches;
    }

    private static void append(List<Batch> batches, Key key, String text) {
        Batch last = batches.isEmpty() ? null : batches.get(batches.size() - 1);
        if (last != null && new Key(last.tool(), last.netns(), last.bestEffort()).equals(key)) {
            batches.set(batches.size() - 1, new Batch(key.tool, key.netns, key.bestEffort, last.text() + text));
        } else {
            batches.add(new Batch(key.tool, key.netns, key.bestEffort, text));
        }
    }

    private record Key(Tool tool, Optional<NetnsName> netns, boolean bestEffort) {}

    private record Line(Tool tool, Optional<NetnsName> netns, boolean bestEffort, String text) {
        Line {
            Objects.requireNonNull(text);
        }
    }

    private static Line host(String text) {
        return new Line(Tool.IP, Optional.empty(), false, text);
    }

    /** A task's interface, once it is in the task's namespace: address, {@code lo}, up, default route. */
    private static List<Line> inside(NetnsName netns, IfName peer, Ipv4 address, int prefix, Ipv4 gateway, boolean defaultRoute) {
        Optional<NetnsName> ns = Optional.of(netns);
        List<Line> lines = new ArrayList<>(List.of(
                new Line(Tool.IP, ns, false, "addr add " + address + "/" + prefix + " dev " + peer),
                new Line(Tool.IP, ns, false, "link set lo up"),
                new Line(Tool.IP, ns, false, "link set " + peer + " up")));
        if (defaultRoute) {
            lines.add(new Line(Tool.IP, ns, false, "route replace default via " + gateway + " dev " + peer));
        }
        return lines;
    }

    private static List<Line> lines(LinkChange change) {
        if (change instanceof AddBridge b) {
            return List.of(
                    host("link add " + b.bridge() + " address " + Mac.of(b.address()) + " type bridge"),
                    host("addr add " + b.address() + "/" + b.prefix() + " dev " + b.bridge()),
                    host("link set " + b.bridge() + " up"));
        }
        if (change instanceof AddVxlan v) {
            return List.of(
                    host("link add name " + v.vxlan() + " mtu " + v.mtu() + " type vxlan id " + v.vni() + " local " + v.local()
                            + " dstport " + VXLAN_PORT + " nolearning proxy"),
                    host("link set " + v.vxlan() + " master " + v.bridge()),
                    host("link set " + v.vxlan() + " up"));
        }
        if (change instanceof AddVeth v) {
            List<Line> lines = new ArrayList<>(List.of(
                    host("link add name " + v.hostSide() + " mtu " + v.mtu() + " type veth peer name " + v.peer()
                            + " mtu " + v.mtu() + " netns " + v.netns()),
                    host("link set " + v.hostSide() + " master " + v.bridge()),
                    host("link set " + v.hostSide() + " up"),
                    new Line(Tool.IP, Optional.of(v.netns()), false, "link set " + v.peer() + " address " + v.mac())));
            lines.addAll(inside(v.netns(), v.peer(), v.address(), v.prefix(), v.gateway(), v.defaultRoute()));
            return lines;
        }
        if (change instanceof AddMacvlan m) {
            List<Line> lines = new ArrayList<>(List.of(host("link add link " + m.lower() + " name " + m.peer() + " address "
                    + m.mac() + " netns " + m.netns() + " type macvlan mode bridge")));
            lines.addAll(inside(m.netns(), m.peer(), m.address(), m.prefix(), m.gateway(), m.defaultRoute()));
            return lines;
        }
        if (change instanceof DeleteLink d) {
            return List.of(new Line(Tool.IP, Optional.empty(), true, "link del " + d.link()));
        }
        if (change instanceof AddRemote r) {
            return List.of(
                    host("neigh replace " + r.address() + " lladdr " + r.mac() + " dev " + r.vxlan() + " nud permanent"),
                    new Line(Tool.BRIDGE, Optional.empty(), false,
                            "fdb replace " + r.mac() + " dev " + r.vxlan() + " dst " + r.host() + " self permanent"));
        }
        if (change instanceof DeleteRemote r) {
            return List.of(
                    new Line(Tool.IP, Optional.empty(), true, "neigh del " + r.address() + " dev " + r.vxlan()),
                    new Line(Tool.BRIDGE, Optional.empty(), true, "fdb del " + r.mac() + " dev " + r.vxlan() + " dst " + r.host() + " self"));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }
}
