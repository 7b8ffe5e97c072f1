package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.host.Links;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.Mac;
import io.shoal.net.plan.NetnsName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The in-process adapters leave the kernel exactly as the {@code ip -batch} / {@code ip netns} ones do: one
 * attachment (bridge, VXLAN, veth, address, default route, lo, a remote entry) applied by each adapter to a "host"
 * and a task namespace of its own (the task namespace of the netlink side made by {@link InProcessNetns}), then
 * what {@code ip} shows of both sides compared, with only indexes, namespace names and the host side's random MAC
 * taken out. Then both remove the veth and the task side is empty again in both.
 */
@Tag("root")
class NetlinkLinksParityRootTest {

    private static final IfName BRIDGE = new IfName("snab0");
    private static final IfName VXLAN = new IfName("snax0");
    private static final IfName VETH = new IfName("snav0");
    private static final IfName PEER = new IfName("eth0");
    private static final Ipv4 TASK = Ipv4.of("10.91.3.2");

    private TestNamespaces namespaces;

    @BeforeEach
    void open() {
        namespaces = TestNamespaces.open("sna");
    }

    @AfterEach
    void close() {
        namespaces.close();
    }

    private static List<LinkChange> attach(NetnsName task) {
        return List.of(new LinkChange.AddBridge(BRIDGE, Ipv4.of("10.91.3.1"), 24),
                new LinkChange.AddVxlan(VXLAN, 913, Ipv4.of("10.91.0.1"), BRIDGE, 1450),
                new LinkChange.AddVeth(VETH, BRIDGE, task, PEER, Mac.of(TASK), TASK, 24, Ipv4.of("10.91.3.1"), true, 1450),
                new LinkChange.AddRemote(VXLAN, Ipv4.of("10.91.3.9"), Mac.of(Ipv4.of("10.91.3.9")), Ipv4.of("10.91.0.2")));
    }

    /** What ip shows of one side, with what differs by construction (indexes, names, random MACs) masked. */
    private Map<String, String> state(NetnsName host, NetnsName task) {
        Map<String, String> state = taskState(host, task);
        state.put("host veth", normalize(Command.run(List.of("ip", "-n", host.value(), "-o", "-d", "link", "show", VETH.value()), ""), task, host)
                .replaceAll("link/ether \\S+", "link/ether MAC").replaceAll("(port_id|port_no|bridge_id|designated_bridge|designated_port|_timer) +\\S+", "$1 X"));
        state.put("host bridge", normalize(Command.run(List.of("ip", "-n", host.value(), "-o", "link", "show", BRIDGE.value()), ""), task, host)
                .replaceAll("link/ether \\S+", "link/ether MAC"));
        state.put("host fdb", Command.run(List.of("bridge", "-n", host.value(), "fdb", "show", "dev", VXLAN.value()), "")
                .replaceAll("(?m)^\\S+ master", "VXLAN-MAC master"));
        state.put("host neighbours", Command.run(List.of("ip", "-n", host.value(), "neigh", "show", "dev", VXLAN.value()), ""));
        return state;
    }

    /** What ip shows inside the task. */
    private static Map<String, String> taskState(NetnsName host, NetnsName task) {
        Map<String, String> state = new TreeMap<>();
        state.put("task links", normalize(Command.run(List.of("ip", "-n", task.value(), "-o", "-d", "link", "show"), ""), task, host));
        state.put("task addresses", normalize(Command.run(List.of("ip", "-n", task.value(), "-o", "-4", "addr", "show"), ""), task, host));
        state.put("task routes", Command.run(List.of("ip", "-n", task.value(), "route", "show"), ""));
        return state;
    }

    private static String normalize(String text, NetnsName task, NetnsName host) {
        return text.replaceAll("(?m)^\\d+: ", "").replaceAll("@if\\d+", "@ifN")
                .replace(task.value(), "TASK").replace(host.value(), "HOST")
                .replaceAll("link-netnsid \\d+", "link-netnsid N")
                .replaceAll("(?m)(valid_lft|preferred_lft) \\S+", "$1 X");
    }

    @Test
    void theInProcessAdaptersLeaveWhatIpBatchLeaves() {
        NetnsName hostIp = namespaces.create("hip");
        NetnsName taskIp = namespaces.create("tip");
        NetnsName hostNl = namespaces.create("hnl");
        NetnsName taskNl = new NetnsName(namespaces.prefix + "tnl");
        new InProcessNetns().create(taskNl);
        Links ip = new IpBatchLinks(Optional.of(hostIp));
        Links netlink = new NetlinkLinks(Optional.of(hostNl));

        ip.apply(attach(taskIp));
        netlink.apply(attach(taskNl));

        Map<String, String> expected = state(hostIp, taskIp);
        assertThat(expected.get("task addresses")).contains("10.91.3.2/24");
        assertThat(expected.get("task routes")).contains("default via 10.91.3.1 dev eth0");
        assertThat(expected.get("host veth")).contains("master snab0");
        assertThat(state(hostNl, taskNl)).isEqualTo(expected);

        ip.apply(List.of(new LinkChange.DeleteLink(VETH)));
        netlink.apply(List.of(new LinkChange.DeleteLink(VETH), new LinkChange.DeleteLink(VETH)));

        assertThat(netlink.links(Optional.of(taskNl))).containsExactly(new IfName("lo"))
                .isEqualTo(ip.links(Optional.of(taskIp)));
        assertThat(netlink.links(Optional.empty())).doesNotContain(VETH).contains(BRIDGE, VXLAN)
                .isEqualTo(ip.links(Optional.empty()));
    }

    @Test
    void aTasksMacvlanIsTheSameFromBothAdapters() {
        NetnsName hostIp = namespaces.create("mhip");
        NetnsName taskIp = namespaces.create("mtip");
        NetnsName hostNl = namespaces.create("mhnl");
        NetnsName taskNl = namespaces.create("mtnl");
        Links ip = new IpBatchLinks(Optional.of(hostIp));
        Links netlink = new NetlinkLinks(Optional.of(hostNl));
        for (NetnsName host : List.of(hostIp, hostNl)) {
            Command.run(List.of("ip", "-n", host.value(), "link", "add", VXLAN.value(), "mtu", "1450", "type", "vxlan", "id", "914",
                    "local", "10.91.0.1", "dstport", "4789", "nolearning", "proxy"), "");
            Command.run(List.of("ip", "-n", host.value(), "link", "set", VXLAN.value(), "up"), "");
        }
        ip.apply(List.of(macvlan(taskIp)));
        netlink.apply(List.of(macvlan(taskNl)));

        Map<String, String> expected = taskState(hostIp, taskIp);
        assertThat(expected.get("task links")).contains("macvlan mode bridge", "mtu 1450", Mac.of(TASK).toString());
        assertThat(expected.get("task addresses")).contains("10.91.3.2/24");
        assertThat(expected.get("task routes")).contains("default via 10.91.3.1 dev eth0");
        assertThat(taskState(hostNl, taskNl)).isEqualTo(expected);

        // made again (a restarted daemon's reconcile): the in-process adapter keeps the one there
        netlink.apply(List.of(macvlan(taskNl)));
        assertThat(taskState(hostNl, taskNl)).isEqualTo(expected);
    }

    private static LinkChange.AddMacvlan macvlan(NetnsName task) {
        return new LinkChange.AddMacvlan(VXLAN, task, PEER, Mac.of(TASK), TASK, 24, Ipv4.of("10.91.3.1"), true);
    }
}
