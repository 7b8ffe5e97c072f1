package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.NetworkPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where {@link SwitchNamespaceLinks} puts things: an overlay's VXLAN (still sending from the host's underlay address)
 * is in the network's switch namespace, and macvlans of it are the host's gateway (the bridge's name, address and MAC)
 * and each task's interface; a local bridge network keeps a veth in the host and its bridge and the task veth's end in
 * the switch, where br_netfilter is off while the host's setting is untouched; and a task reaches the host's gateway
 * address and a task across the VXLAN. Namespaces of this test only, removed even on failure.
 */
@Tag("root")
class SwitchNamespaceLinksRootTest {

    private static final Path CALL_IPTABLES = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");

    private TestNamespaces t;
    private NetnsName host1;
    private NetnsName host2;
    private NetnsName task1;
    private NetnsName task2;
    private SwitchNamespaceLinks links1;
    private SwitchNamespaceLinks links2;
    private NetworkPlanner planner;

    @BeforeEach
    void hosts() {
        t = TestNamespaces.open("snl");
        host1 = t.create("h1");
        host2 = t.create("h2");
        task1 = t.create("t1");
        task2 = t.create("t2");
        t.exec(host1, "ip", "link", "add", "under", "type", "veth", "peer", "name", "under", "netns", host2.value());
        t.exec(host1, "ip", "addr", "add", "10.66.0.1/24", "dev", "under");
        t.exec(host2, "ip", "addr", "add", "10.66.0.2/24", "dev", "under");
        t.exec(host1, "ip", "link", "set", "under", "up");
        t.exec(host2, "ip", "link", "set", "under", "up");
        links1 = new SwitchNamespaceLinks(Optional.of(host1), t.naming, t.prefix + "1net-", new InProcessNetns(), NetlinkLinks::new);
        links2 = new SwitchNamespaceLinks(Optional.of(host2), t.naming, t.prefix + "2net-", new InProcessNetns(), NetlinkLinks::new);
        planner = new NetworkPlanner(t.naming);
    }

    @AfterEach
    void cleanUp() {
        if (t != null) {
            t.close();
        }
    }

    private static HostNetworks host(String underlay, NetnsName task, String address, String remote, String remoteHost) {
        return new HostNetworks(Ipv4.of(underlay), List.of(new HostNetworks.Network("net", Cidr.of("10.66.1.0/24"),
                Ipv4.of("10.66.1.1"), OptionalInt.of(4660), false,
                List.of(new HostNetworks.LocalEndpoint("a", task, new IfName("eth0"), Ipv4.of(address))),
                List.of(new HostNetworks.RemoteEndpoint(Ipv4.of(remote), Ipv4.of(remoteHost))))));
    }

    @Test
    void anOverlaysVxlanIsInTheSwitchAndItsMacvlansAreTheHostsGatewayAndTheTasksInterface() {
        HostNetworks desired = host("10.66.0.1", task1, "10.66.1.10", "10.66.1.20", "10.66.0.2");
        links1.apply(planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.1")), desired));
        IfName bridge = t.naming.bridge("net");
        IfName vxlan = t.naming.vxlan("net");
        NetnsName sw = links1.switchOf(bridge);

        assertThat(t.exec(host1, "ip", "-o", "addr", "show", "dev", bridge.value())).contains("10.66.1.1/24");
        assertThat(t.exec(host1, "ip", "-d", "-o", "link", "show", "dev", bridge.value())).contains("macvlan mode bridge", "mtu 1450")
                .contains(io.shoal.net.plan.Mac.of(Ipv4.of("10.66.1.1")).toString());
        String inSwitch = t.exec(sw, "ip", "-o", "link", "show");
        assertThat(inSwitch).contains(vxlan.value()).doesNotContain(bridge.value(), SwitchNamespaceLinks.UPLINK);
        assertThat(t.exec(sw, "ip", "-d", "-o", "link", "show", "dev", vxlan.value()))
                .contains("vxlan id 4660", "local 10.66.0.1", "mtu 1450").doesNotContain("master");
        assertThat(t.exec(sw, "bridge", "fdb", "show", "dev", vxlan.value())).contains("dst 10.66.0.2");
        assertThat(t.exec(task1, "ip", "-d", "-o", "link", "show", "dev", "eth0")).contains("macvlan mode bridge", "mtu 1450",
                io.shoal.net.plan.Mac.of(Ipv4.of("10.66.1.10")).toString());
        assertThat(t.exec(task1, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.10/24");
        assertThat(t.exec(task1, "ip", "route", "show", "default")).contains("via 10.66.1.1 dev eth0");
        assertThat(links1.links(Optional.empty())).contains(bridge, vxlan);

        removesAll(links1, desired, sw, bridge);
    }

    @Test
    void aLocalBridgeNetworkIsSwitchedByABridgeInTheSwitchWithoutBrNetfilter() {
        String before = Files.exists(CALL_IPTABLES) ? t.exec(host1, "cat", CALL_IPTABLES.toString()).strip() : "";
        HostNetworks desired = new HostNetworks(Ipv4.of("10.66.0.1"), List.of(new HostNetworks.Network("local",
                Cidr.of("10.66.2.0/24"), Ipv4.of("10.66.2.1"), OptionalInt.empty(), false,
                List.of(new HostNetworks.LocalEndpoint("a", task1, new IfName("eth0"), Ipv4.of("10.66.2.10"))), List.of())));
        links1.apply(planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.1")), desired));
        IfName bridge = t.naming.bridge("local");
        NetnsName sw = links1.switchOf(bridge);

        assertThat(t.exec(host1, "ip", "-o", "addr", "show", "dev", bridge.value())).contains("10.66.2.1/24");
        assertThat(t.exec(host1, "ip", "-d", "-o", "link", "show", "dev", bridge.value())).contains("veth").doesNotContain("bridge ");
        assertThat(t.exec(sw, "ip", "-o", "link", "show")).contains(bridge.value(), t.naming.veth("local", "a").value(),
                SwitchNamespaceLinks.UPLINK);
        assertThat(links1.links(Optional.empty())).contains(bridge, t.naming.veth("local", "a"));
        if (!before.isEmpty()) {
            assertThat(t.exec(sw, "cat", CALL_IPTABLES.toString()).strip()).as("br_netfilter off in the switch").isEqualTo("0");
            assertThat(t.exec(host1, "cat", CALL_IPTABLES.toString()).strip()).as("the host's own is untouched").isEqualTo(before);
        }

        removesAll(links1, desired, sw, bridge);
    }

    @Test
    void anOverlaySwitchedByABridgeByAnEarlierDaemonKeepsItsBridgeForNewTasks() {
        HostNetworks desired = host("10.66.0.1", task1, "10.66.1.10", "10.66.1.20", "10.66.0.2");
        List<LinkChange> changes = planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.1")), desired);
        // The bridge and the VXLAN in calls of their own: how the daemon before macvlans left an overlay's switch.
        for (LinkChange change : changes) {
            if (change instanceof LinkChange.AddBridge || change instanceof LinkChange.AddVxlan) {
                links1.apply(List.of(change));
            }
        }
        IfName bridge = t.naming.bridge("net");
        NetnsName sw = links1.switchOf(bridge);
        assertThat(t.exec(sw, "ip", "-d", "-o", "link", "show", "dev", t.naming.vxlan("net").value())).contains("master " + bridge.value());

        SwitchNamespaceLinks restarted = new SwitchNamespaceLinks(Optional.of(host1), t.naming, t.prefix + "1net-",
                new InProcessNetns(), NetlinkLinks::new);
        restarted.apply(planner.reconcile(restarted.links(Optional.empty()), desired));
        assertThat(t.exec(sw, "ip", "-o", "link", "show")).contains(t.naming.veth("net", "a").value());
        assertThat(t.exec(task1, "ip", "-d", "-o", "link", "show", "dev", "eth0")).contains("veth").doesNotContain("macvlan");
        assertThat(t.exec(task1, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.10/24");

        removesAll(restarted, desired, sw, bridge);
    }

    /** The network goes from host1: its switch, the host's gateway and task1's interface with it. */
    private void removesAll(SwitchNamespaceLinks links, HostNetworks desired, NetnsName sw, IfName bridge) {
        links.apply(planner.plan(desired, HostNetworks.empty(Ipv4.of("10.66.0.1"))));
        assertThat(new InProcessNetns().list()).doesNotContain(sw);
        assertThat(t.exec(host1, "ip", "-o", "link", "show")).doesNotContain(bridge.value());
        assertThat(t.exec(task1, "ip", "-o", "link", "show")).doesNotContain("eth0");
    }

    @Test
    void tasksReachTheGatewayAndEachOtherAcrossTheVxlan() throws Exception {
        links1.apply(planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.1")),
                host("10.66.0.1", task1, "10.66.1.10", "10.66.1.20", "10.66.0.2")));
        links2.apply(planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.2")),
                host("10.66.0.2", task2, "10.66.1.20", "10.66.1.10", "10.66.0.1")));
        Path www = t.tempDir();
        Files.writeString(www.resolve("index.html"), "task2\n");
        t.start(task2, www.resolve("httpd.log"), "busybox", "httpd", "-f", "-p", "8080", "-h", www.toString());
        t.start(host1, www.resolve("host.log"), "busybox", "httpd", "-f", "-p", "10.66.1.1:8081", "-h", www.toString());

        assertThat(fetch(task1, "http://10.66.1.20:8080/")).as("across the VXLAN, switched in both switches").isEqualTo("task2");
        assertThat(fetch(task1, "http://10.66.1.1:8081/")).as("the host's gateway address, macvlan to macvlan").isEqualTo("task2");
    }

    @Test
    void aSocketKeptInASwitchServesItsTasksAndNeverOutlivesIt() {
        NetnsName task3 = t.create("t3");
        NetnsName task4 = t.create("t4");
        try (SwitchNamespaceLinks kept = new SwitchNamespaceLinks(Optional.of(host1), t.naming, t.prefix + "knet-",
                new InProcessNetns(), NetlinkLinks::keepingSocket)) {
            HostNetworks one = host("10.66.0.1", task1, "10.66.1.10", "10.66.1.20", "10.66.0.2");
            kept.apply(planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.1")), one));
            HostNetworks two = withTask(one, "b", task3, "10.66.1.11");
            kept.apply(planner.plan(one, two)); // the second task's macvlan through the socket kept in the switch
            NetnsName sw = kept.switchOf(t.naming.bridge("net"));
            assertThat(t.exec(task1, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.10/24");
            assertThat(t.exec(task3, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.11/24");

            // The network goes and comes back: a new switch under the same name, where the next veth must land.
            kept.apply(planner.plan(two, HostNetworks.empty(Ipv4.of("10.66.0.1"))));
            kept.apply(planner.plan(HostNetworks.empty(Ipv4.of("10.66.0.1")), one));
            assertThat(t.exec(task1, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.10/24");
            assertThat(t.exec(task3, "ip", "-o", "link", "show")).doesNotContain("eth0");

            // Deleted behind the adapter's back (ip netns del) and made again by it: the stale socket is not used.
            // (The VXLAN first, as the adapter does: a namespace's devices go only when the kernel is done with it. The
            // macvlans on it, the host's gateway and task1's eth0, go with it.)
            t.exec(sw, "ip", "link", "del", t.naming.vxlan("net").value());
            Command.run(List.of("ip", "netns", "del", sw.value()), "");
            // The adapter's next call closes the socket it kept in the deleted switch, so the kernel can free it.
            kept.apply(List.of());
            awaitGone(task1, "eth0");
            kept.apply(planner.reconcile(kept.links(Optional.empty()), withTask(one, "c", task4, "10.66.1.12")));
            assertThat(t.exec(sw, "ip", "-o", "link", "show")).contains(t.naming.vxlan("net").value());
            assertThat(t.exec(task1, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.10/24");
            assertThat(t.exec(task4, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.12/24");
            // and a reconcile of what is there changes nothing (a task's macvlan that exists is kept)
            kept.apply(planner.reconcile(kept.links(Optional.empty()), withTask(one, "c", task4, "10.66.1.12")));
            assertThat(t.exec(task4, "ip", "-o", "addr", "show", "dev", "eth0")).contains("10.66.1.12/24");
        }
    }

    /** Waits (at most 60 s) until {@code link} is gone from {@code ns}. */
    private void awaitGone(NetnsName ns, String link) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (t.tryExec(ns, "ip", "link", "show", link).exitCode() == 0) {
            assertThat(System.nanoTime()).as(link + " still in " + ns + " after 60 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The same network with one more local task. */
    private static HostNetworks withTask(HostNetworks h, String id, NetnsName task, String address) {
        HostNetworks.Network n = h.networks().get(0);
        List<HostNetworks.LocalEndpoint> local = new java.util.ArrayList<>(n.local());
        local.add(new HostNetworks.LocalEndpoint(id, task, new IfName("eth0"), Ipv4.of(address)));
        return new HostNetworks(h.underlay(), List.of(new HostNetworks.Network(n.networkId(), n.subnet(), n.bridgeAddress(), n.vni(),
                n.internal(), local, n.remote())));
    }

    /** busybox wget, retried while the server starts (bounded: 50 tries). */
    private String fetch(NetnsName ns, String url) throws InterruptedException {
        Command.Result last = null;
        for (int i = 0; i < 50; i++) {
            last = t.tryExec(ns, "timeout", "5", "busybox", "wget", "-q", "-O", "-", url);
            if (last.exitCode() == 0) {
                return last.stdout().strip();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("wget " + url + ": " + last.stderr());
    }
}
