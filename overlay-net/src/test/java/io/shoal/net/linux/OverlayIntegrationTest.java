package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.host.Netfilter;
import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.Backend;
import io.shoal.net.lb.NftRenderer;
import io.shoal.net.lb.NftTable;
import io.shoal.net.lb.PublishedPort;
import io.shoal.net.lb.ServiceVip;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.HostNetworks.LocalEndpoint;
import io.shoal.net.plan.HostNetworks.RemoteEndpoint;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.NetworkPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two "hosts" (namespaces joined by a veth underlay), one overlay across them, tasks in
 * namespaces of their own: the plans applied with ip -batch, traffic over the VXLAN, a VIP
 * balanced by nft. Everything lives in this test's shoaltest-* namespaces and goes with them.
 */
@Tag("root")
class OverlayIntegrationTest {

    private static final Cidr SUBNET = Cidr.of("10.0.9.0/24");
    private static final Ipv4 GATEWAY = Ipv4.of("10.0.9.1");
    private static final Ipv4 UNDER1 = Ipv4.of("10.200.0.1");
    private static final Ipv4 UNDER2 = Ipv4.of("10.200.0.2");
    private static final Ipv4 A = Ipv4.of("10.0.9.2");
    private static final Ipv4 B = Ipv4.of("10.0.9.3");
    private static final Ipv4 C = Ipv4.of("10.0.9.4");
    private static final Ipv4 VIP = Ipv4.of("10.0.9.100");

    private TestNamespaces t;
    private NetnsName host1;
    private NetnsName host2;
    private NetnsName taskA;
    private NetnsName taskB;
    private NetnsName taskC;

    @BeforeEach
    void hosts() {
        t = TestNamespaces.open();
        host1 = t.create("h1");
        host2 = t.create("h2");
        taskA = t.create("a");
        taskB = t.create("b");
        taskC = t.create("c");
        // The underlay: a veth between the two hosts (test scaffolding; in production, the NIC).
        t.exec(host1, "ip", "link", "add", "under", "type", "veth", "peer", "name", "under", "netns", host2.value());
        t.exec(host1, "ip", "addr", "add", UNDER1 + "/24", "dev", "under");
        t.exec(host2, "ip", "addr", "add", UNDER2 + "/24", "dev", "under");
        t.exec(host1, "ip", "link", "set", "under", "up");
        t.exec(host2, "ip", "link", "set", "under", "up");
    }

    @AfterEach
    void cleanUp() {
        if (t != null) {
            t.close();
        }
    }

    private HostNetworks host(Ipv4 underlay, List<LocalEndpoint> local, List<RemoteEndpoint> remote) {
        return new HostNetworks(underlay, List.of(new HostNetworks.Network("overlay1", SUBNET, GATEWAY, OptionalInt.of(4242),
                false, local, remote)));
    }

    private static LocalEndpoint task(String id, NetnsName ns, Ipv4 address) {
        return new LocalEndpoint(id, ns, new IfName("eth0"), address);
    }

    /** A on host 1; B and C on host 2. Returns the milliseconds each host's apply took. */
    private List<Long> applyOverlay() {
        NetworkPlanner planner = new NetworkPlanner(t.naming);
        HostNetworks one = host(UNDER1, List.of(task("a", taskA, A)),
                List.of(new RemoteEndpoint(B, UNDER2), new RemoteEndpoint(C, UNDER2)));
        HostNetworks two = host(UNDER2, List.of(task("b", taskB, B), task("c", taskC, C)),
                List.of(new RemoteEndpoint(A, UNDER1)));
        List<Long> millis = new ArrayList<>();
        long start = System.nanoTime();
        new IpBatchLinks(Optional.of(host1)).apply(planner.plan(HostNetworks.empty(UNDER1), one));
        millis.add((System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        new IpBatchLinks(Optional.of(host2)).apply(planner.plan(HostNetworks.empty(UNDER2), two));
        millis.add((System.nanoTime() - start) / 1_000_000);
        return millis;
    }

    @Test
    void tasksOnTwoHostsReachEachOtherOverTheVxlan() {
        List<Long> millis = applyOverlay();
        System.out.println("overlay apply: host1 (bridge+vxlan+1 veth+2 remotes) " + millis.get(0)
                + " ms, host2 (bridge+vxlan+2 veths+1 remote) " + millis.get(1) + " ms");

        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "5", B.toString()).exitCode()).isZero();
        assertThat(t.tryExec(taskC, "busybox", "ping", "-c", "1", "-W", "5", A.toString()).exitCode()).isZero();
        // Full-size packets too: the veths carry the VXLAN's MTU, so nothing is dropped as too big.
        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "5", "-s", "1422", B.toString()).exitCode()).isZero();
        // The VXLAN device is there with its VNI, no learning, answering ARP itself.
        assertThat(t.exec(host1, "ip", "-d", "link", "show", t.naming.vxlan("overlay1").value()))
                .contains("vxlan id 4242", "local " + UNDER1, "nolearning", "proxy");
    }

    @Test
    void aMegabyteCrossesHostsOverTcp() throws IOException {
        applyOverlay();
        Path dir = serve(taskB, B, "backend-b");
        Files.write(dir.resolve("big"), new byte[1 << 20]);
        String got = t.exec(taskA, "sh", "-c", "busybox wget -q -O - http://" + B + ":8080/big | busybox wc -c");
        assertThat(got.strip()).isEqualTo(String.valueOf(1 << 20));
    }

    /**
     * A measurement, not a check: {@code mvn -pl overlay-net test -Dtest=OverlayIntegrationTest#throughput*
     * -Dshoal.net.measure=true} (needs iperf3). Prints TCP throughput from a task on host 1 to one on host 2.
     */
    @Test
    void throughputAcrossHostsWhenAsked() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("shoal.net.measure"),
                "measurement only with -Dshoal.net.measure=true (and iperf3 installed)");
        applyOverlay();
        Path log = t.tempDir().resolve("iperf3-server.log");
        t.start(taskB, log, "iperf3", "-s", "-B", B.toString());
        Command.Result result = null;
        for (int attempt = 0; attempt < 100 && (result == null || result.exitCode() != 0); attempt++) {
            pause();
            result = t.tryExec(taskA, "iperf3", "-c", B.toString(), "-t", "5", "-f", "g");
        }
        System.out.println("iperf3 task(host1) -> task(host2) over VXLAN:\n" + result.stdout());
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("receiver");
    }

    @Test
    void aVipSpreadsConnectionsOverHealthyBackendsOnly() throws IOException {
        applyOverlay();
        serve(taskB, B, "backend-b");
        serve(taskC, C, "backend-c");
        Netfilter netfilter = new NftNetfilter(Optional.empty());

        netfilter.replace(Optional.of(taskA), NftRenderer.vips("shoal_vip",
                List.of(new ServiceVip("web", VIP, List.of(Backend.healthy(B), Backend.healthy(C))))));
        Map<String, Integer> seen = fetchVip(30);
        System.out.println("VIP, both healthy, 30 connections: " + seen);
        assertThat(seen).containsOnlyKeys("backend-b", "backend-c");

        netfilter.replace(Optional.of(taskA), NftRenderer.vips("shoal_vip",
                List.of(new ServiceVip("web", VIP, List.of(Backend.healthy(B), new Backend(C, false))))));
        assertThat(fetchVip(10)).containsOnlyKeys("backend-b");
    }

    @Test
    void anIngressPortAnswersOnEveryHostAndReachesTasksOnAnyHost() throws IOException {
        // The ingress network: each node's bridge has an address of its own (SNAT source), and
        // each node knows the other's like a remote task. C runs on host 1, B on host 2.
        Ipv4 ingress1 = Ipv4.of("10.0.9.251");
        Ipv4 ingress2 = Ipv4.of("10.0.9.252");
        NetworkPlanner planner = new NetworkPlanner(t.naming);
        HostNetworks one = new HostNetworks(UNDER1, List.of(new HostNetworks.Network("ingress", SUBNET, ingress1, OptionalInt.of(4243),
                false, List.of(task("c", taskC, C)), List.of(new RemoteEndpoint(B, UNDER2), new RemoteEndpoint(ingress2, UNDER2)))));
        HostNetworks two = new HostNetworks(UNDER2, List.of(new HostNetworks.Network("ingress", SUBNET, ingress2, OptionalInt.of(4243),
                false, List.of(task("b", taskB, B)), List.of(new RemoteEndpoint(C, UNDER1), new RemoteEndpoint(ingress1, UNDER1)))));
        new IpBatchLinks(Optional.of(host1)).apply(planner.plan(HostNetworks.empty(UNDER1), one));
        new IpBatchLinks(Optional.of(host2)).apply(planner.plan(HostNetworks.empty(UNDER2), two));
        serve(taskB, B, "backend-b");
        serve(taskC, C, "backend-c");
        List<Backend> backends = List.of(Backend.healthy(B), Backend.healthy(C));
        for (NetnsName host : List.of(host1, host2)) {
            t.exec(host, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
            Ipv4 source = host.equals(host1) ? ingress1 : ingress2;
            new NftNetfilter(Optional.of(host)).replace(Optional.empty(), NftRenderer.publishedPorts("shoal_ports",
                    List.of(new PublishedPort(PublishedPort.Protocol.TCP, 8080, 8080, PublishedPort.Mode.INGRESS, backends)),
                    Optional.of(new NftRenderer.IngressSource(t.naming.bridge("ingress"), source))));
        }

        Map<String, Integer> viaHost1 = fetch(host2, "http://" + UNDER1 + ":8080/", 20);
        Map<String, Integer> viaHost2 = fetch(host1, "http://" + UNDER2 + ":8080/", 20);
        System.out.println("ingress port 8080, 20 connections via host 1: " + viaHost1 + ", via host 2: " + viaHost2);

        assertThat(viaHost1).containsOnlyKeys("backend-b", "backend-c");
        assertThat(viaHost2).containsOnlyKeys("backend-b", "backend-c");
    }

    @Test
    void twoNetworksCannotSeeEachOtherOnceIsolated() {
        NetworkPlanner planner = new NetworkPlanner(t.naming);
        HostNetworks.Network n1 = new HostNetworks.Network("n1", Cidr.of("10.0.11.0/24"), Ipv4.of("10.0.11.1"), OptionalInt.empty(),
                false, List.of(task("a", taskA, Ipv4.of("10.0.11.2"))), List.of());
        HostNetworks.Network n2 = new HostNetworks.Network("n2", Cidr.of("10.0.12.0/24"), Ipv4.of("10.0.12.1"), OptionalInt.empty(),
                false, List.of(task("b", taskB, Ipv4.of("10.0.12.2"))), List.of());
        new IpBatchLinks(Optional.of(host1)).apply(planner.plan(HostNetworks.empty(UNDER1), new HostNetworks(UNDER1, List.of(n1, n2))));
        t.exec(host1, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        // Routed through the host, the networks reach each other: the isolation table is what stops it.
        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "5", "10.0.12.2").exitCode()).isZero();

        new NftNetfilter(Optional.of(host1)).replace(Optional.empty(), NftRenderer.isolation("shoal_isolation",
                t.naming.prefix() + "b", List.of(t.naming.bridge("n1"), t.naming.bridge("n2")), List.of()));

        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "1", "10.0.12.2").exitCode()).isNotZero();
        assertThat(t.tryExec(taskB, "busybox", "ping", "-c", "1", "-W", "1", "10.0.11.2").exitCode()).isNotZero();
        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "5", "10.0.11.1").exitCode()).isZero();
    }

    @Test
    void aBridgeNetworkReachesOutThroughTheHostOnlyWithEgress() {
        NetworkPlanner planner = new NetworkPlanner(t.naming);
        Cidr subnet = Cidr.of("10.0.13.0/24");
        HostNetworks.Network n1 = new HostNetworks.Network("out", subnet, Ipv4.of("10.0.13.1"), OptionalInt.empty(),
                false, List.of(task("a", taskA, Ipv4.of("10.0.13.2"))), List.of());
        new IpBatchLinks(Optional.of(host1)).apply(planner.plan(HostNetworks.empty(UNDER1), new HostNetworks(UNDER1, List.of(n1))));
        t.exec(host1, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        // host 2 plays "the outside world": it has no route back to 10.0.13.0/24.
        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "1", UNDER2.toString()).exitCode()).isNotZero();

        new NftNetfilter(Optional.of(host1)).replace(Optional.empty(), NftRenderer.egress("shoal_egress",
                List.of(new NftRenderer.Egress(subnet, t.naming.bridge("out")))));

        assertThat(t.tryExec(taskA, "busybox", "ping", "-c", "1", "-W", "5", UNDER2.toString()).exitCode()).isZero();
    }

    @Test
    void aHostModePortAnswersOnlyOnItsTasksNode() throws IOException {
        NetworkPlanner planner = new NetworkPlanner(t.naming);
        Ipv4 c = Ipv4.of("10.0.14.2");
        HostNetworks.Network local = new HostNetworks.Network("local", Cidr.of("10.0.14.0/24"), Ipv4.of("10.0.14.1"),
                OptionalInt.empty(), false, List.of(task("c", taskC, c)), List.of());
        new IpBatchLinks(Optional.of(host1)).apply(planner.plan(HostNetworks.empty(UNDER1), new HostNetworks(UNDER1, List.of(local))));
        t.exec(host1, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        serve(taskC, c, "backend-c");
        new NftNetfilter(Optional.of(host1)).replace(Optional.empty(), NftRenderer.publishedPorts("shoal_ports",
                List.of(new PublishedPort(PublishedPort.Protocol.TCP, 9090, 8080, PublishedPort.Mode.HOST, List.of(Backend.healthy(c)))),
                Optional.empty()));

        assertThat(fetch(host2, "http://" + UNDER1 + ":9090/", 3)).containsOnlyKeys("backend-c");
        assertThat(t.tryExec(host1, "busybox", "wget", "-q", "-O", "-", "http://" + UNDER2 + ":9090/").exitCode()).isNotZero();
    }

    @Test
    void attachingOneTaskToAnExistingNetwork() {
        NetworkPlanner planner = new NetworkPlanner(t.naming);
        IpBatchLinks links = new IpBatchLinks(Optional.of(host1));
        List<LocalEndpoint> local = new ArrayList<>();
        HostNetworks current = host(UNDER1, List.of(), List.of());
        links.apply(planner.plan(HostNetworks.empty(UNDER1), current));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            local.add(task("t" + i, t.create("t" + i), Ipv4.of("10.0.9.10").plus(i)));
            HostNetworks next = host(UNDER1, local, List.of());
            long start = System.nanoTime();
            links.apply(planner.plan(current, next));
            micros.add((System.nanoTime() - start) / 1000);
            current = next;
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.println("attach one task (veth + bridge port + address + route, 2 ip -batch runs): median "
                + sorted.get(sorted.size() / 2) / 1000.0 + " ms over " + sorted.size() + " (all µs: " + micros + ")");

        assertThat(links.links(Optional.empty())).contains(t.naming.veth("overlay1", "t14"));
        assertThat(t.tryExec(new NetnsName(t.prefix + "t14"), "busybox", "ping", "-c", "1", "-W", "5", "10.0.9.10").exitCode()).isZero();
    }

    @Test
    void everyRenderedTableLoadsAndThousandVipsLoadAtOnce() {
        Netfilter netfilter = new NftNetfilter(Optional.of(host1));
        netfilter.replace(Optional.empty(), NftRenderer.publishedPorts("shoal_ports",
                List.of(new PublishedPort(PublishedPort.Protocol.TCP, 8080, 80, PublishedPort.Mode.INGRESS,
                        List.of(Backend.healthy(B), Backend.healthy(C)))),
                Optional.of(new NftRenderer.IngressSource(t.naming.bridge("ingress"), Ipv4.of("10.0.9.250")))));
        netfilter.replace(Optional.empty(), NftRenderer.isolation("shoal_isolation", t.naming.prefix() + "b",
                List.of(t.naming.bridge("n1"), t.naming.bridge("n2")), List.of(t.naming.bridge("n2"))));

        List<ServiceVip> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Ipv4 vip = Ipv4.of("10.128.0.0").plus(i * 4L);
            thousand.add(new ServiceVip("s" + i, vip, List.of(Backend.healthy(vip.plus(1)), Backend.healthy(vip.plus(2)),
                    Backend.healthy(vip.plus(3)))));
        }
        NftTable table = NftRenderer.vips("shoal_vip", thousand);
        long start = System.nanoTime();
        netfilter.replace(Optional.empty(), table);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("nft -f of 1,000 VIPs x 3 backends: " + millis + " ms");

        assertThat(netfilter.tables(Optional.empty())).contains("shoal_ports", "shoal_isolation", "shoal_vip");
        assertThat(t.exec(host1, "nft", "list", "chain", "ip", "shoal_vip", "output").lines()
                .filter(l -> l.contains("dnat to numgen random mod 3")).count()).isEqualTo(1000);
    }

    private Path serve(NetnsName ns, Ipv4 address, String body) throws IOException {
        Path dir = t.tempDir();
        Files.writeString(dir.resolve("index.html"), body);
        Path log = t.tempDir().resolve("httpd.log");
        Process httpd = t.start(ns, log, "busybox", "httpd", "-f", "-vv", "-p", address + ":8080", "-h", dir.toString());
        // Ready when it answers its own address (bounded retries, no timing asserted). No wget -T:
        // busybox wget segfaults with it here; the adapter's 30 s command timeout bounds a hang.
        for (int attempt = 0; attempt < 200; attempt++) {
            if (t.tryExec(ns, "busybox", "wget", "-q", "-O", "-", "http://" + address + ":8080/").exitCode() == 0) {
                return dir;
            }
            pause();
        }
        throw new AssertionError("httpd in " + ns + " never answered; alive=" + httpd.isAlive() + " log:\n" + Files.readString(log)
                + "\nwget: " + t.tryExec(ns, "busybox", "wget", "-O", "-", "http://" + address + ":8080/"));
    }

    /** Between readiness polls of a process that is still starting. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private Map<String, Integer> fetchVip(int connections) {
        return fetch(taskA, "http://" + VIP + ":8080/", connections);
    }

    private Map<String, Integer> fetch(NetnsName from, String url, int connections) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < connections; i++) {
            String body = t.exec(from, "busybox", "wget", "-q", "-O", "-", url).strip();
            seen.merge(body, 1, Integer::sum);
        }
        return seen;
    }
}
