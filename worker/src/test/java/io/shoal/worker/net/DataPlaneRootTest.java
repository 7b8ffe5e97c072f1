package io.shoal.worker.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.linux.InProcessNetns;
import io.shoal.net.linux.IpNetns;
import io.shoal.net.linux.LibNftablesNetfilter;
import io.shoal.net.linux.NetlinkLinks;
import io.shoal.net.linux.SwitchNamespaceLinks;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.Naming;
import io.shoal.worker.net.linux.NetnsSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two "hosts" (namespaces of this test joined by a veth underlay), each with its own {@link DataPlane} driven by
 * assignments as the dispatcher sends them: network {@code front} (overlay) has the client and web.2 on host A
 * and web.1 on host B; network {@code other} has a task on B. The "containers" are processes started in the task
 * namespaces the data plane made, with the resolv.conf it wrote (through ip netns exec's /etc/netns). Everything
 * is removed after each test, failed or not.
 */
@Tag("root")
class DataPlaneRootTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final String UNDER_A = "10.201.0.1";
    static final String UNDER_B = "10.201.0.2";

    private String prefix;
    private Naming naming;
    private NetnsName hostA;
    private NetnsName hostB;
    private DataPlane a;
    private DataPlane b;
    private Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> etcNetns = new ArrayList<>();

    @BeforeEach
    void hosts() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root (namespaces, links, nftables)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")), "needs iproute2");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")), "needs nftables");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")) || Files.isExecutable(Path.of("/usr/bin/busybox")), "needs busybox");
        String id = random();
        prefix = "shoaldp-" + id + "-";
        naming = new Naming("d" + id.substring(0, 3));
        dir = Files.createTempDirectory(prefix);
        hostA = new NetnsName(prefix + "ha");
        hostB = new NetnsName(prefix + "hb");
        sh("ip", "netns", "add", hostA.value());
        sh("ip", "netns", "add", hostB.value());
        sh("ip", "-n", hostA.value(), "link", "add", "under", "type", "veth", "peer", "name", "under", "netns", hostB.value());
        sh("ip", "-n", hostA.value(), "addr", "add", UNDER_A + "/24", "dev", "under");
        sh("ip", "-n", hostB.value(), "addr", "add", UNDER_B + "/24", "dev", "under");
        sh("ip", "-n", hostA.value(), "link", "set", "under", "up");
        sh("ip", "-n", hostB.value(), "link", "set", "under", "up");
        a = dataPlane("A", UNDER_A, hostA);
        b = dataPlane("B", UNDER_B, hostB);
    }

    private DataPlane dataPlane(String node, String underlay, NetnsName host) {
        DataPlaneSettings s = new DataPlaneSettings(node, Ipv4.of(underlay), naming, prefix + node.toLowerCase() + "-",
                dir.resolve(node), Optional.of(host), List.of(), 53);
        // The adapters the daemon uses (DataPlaneRole): rtnetlink, namespaces and libnftables in-process, each network
        // switched in a namespace of its own.
        InProcessNetns namespaces = new InProcessNetns();
        return new DataPlane(s, new SwitchNamespaceLinks(Optional.of(host), naming, s.switchPrefix(), namespaces,
                NetlinkLinks::keepingSocket),
                namespaces, new LibNftablesNetfilter(Optional.of(host)), new NetnsSockets(host));
    }

    /** Where node A switches a network: the namespace holding its bridge, VXLAN and the task veths' ends. */
    private NetnsName switchOnA(String network) {
        return new SwitchNamespaceLinks(Optional.of(hostA), naming, prefix + "a-net-", new InProcessNetns(), NetlinkLinks::new)
                .switchOf(naming.bridge(network));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor();
        }
        for (DataPlane d : new DataPlane[] {a, b}) {
            if (d != null) {
                d.close();
            }
        }
        if (prefix != null) {
            for (NetnsName ns : new IpNetns().list()) {
                if (ns.value().startsWith(prefix)) {
                    new IpNetns().delete(ns);
                }
            }
        }
        for (Path p : etcNetns) {
            deleteTree(p);
        }
        if (dir != null) {
            deleteTree(dir);
        }
    }

    static NetworkView view() {
        return new NetworkView(List.of(
                new NetworkInfo("front", "front", 4301, "10.0.77.0/24", "10.0.77.1", false, false, List.of(
                        new Peer("client", "cli", "A", UNDER_A, "10.0.77.10/24", List.of(), true),
                        new Peer("web2", "web", "A", UNDER_A, "10.0.77.12/24", List.of("www"), true),
                        new Peer("web1", "web", "B", UNDER_B, "10.0.77.11/24", List.of("www"), true))),
                new NetworkInfo("other", "other", 4302, "10.0.78.0/24", "10.0.78.1", false, false, List.of(
                        new Peer("lone", "lone", "B", UNDER_B, "10.0.78.10/24", List.of(), true)))),
                List.of(new ServiceInfo("cli", "cli", "vip", List.of(), List.of()),
                        new ServiceInfo("web", "web", "vip", List.of(new Endpoint.VirtualIp("front", "10.0.77.2/24")),
                                List.of(new ServiceSpec.PortConfig(null, "tcp", 8080, 8081, "host"))),
                        new ServiceInfo("lone", "lone", "vip", List.of(new Endpoint.VirtualIp("other", "10.0.78.2/24")), List.of())));
    }

    static AssignedTask task(String id, String network, String address) {
        Task t = new Task(id, new Version(1), T, T, null, id, 1L, "n", new TaskStatus(T, TaskState.ASSIGNED, "", null, null),
                TaskState.RUNNING, 1);
        return new AssignedTask(t, id, List.of(new NetworkAttachment(network, List.of(address), null)));
    }

    /** Both nodes get their assignments; every task is attached and runs busybox httpd saying its name. */
    private Map<String, NetnsName> deploy() throws Exception {
        a.assigned(new Assignments("s", true, List.of(task("client", "front", "10.0.77.10/24"), task("web2", "front", "10.0.77.12/24")),
                List.of(), view()));
        b.assigned(new Assignments("s", true, List.of(task("web1", "front", "10.0.77.11/24"), task("lone", "other", "10.0.78.10/24")),
                List.of(), view()));
        a.settle();
        b.settle();
        NetnsName client = attach(a, "client");
        NetnsName web2 = attach(a, "web2");
        NetnsName web1 = attach(b, "web1");
        NetnsName lone = attach(b, "lone");
        for (var e : Map.of("web1", web1, "web2", web2, "lone", lone).entrySet()) {
            Path www = Files.createDirectories(dir.resolve("www-" + e.getKey()));
            Files.writeString(www.resolve("index.html"), e.getKey() + "\n");
            processes.add(new ProcessBuilder("ip", "netns", "exec", e.getValue().value(), "busybox", "httpd", "-f", "-p", "8080",
                    "-h", www.toString()).redirectErrorStream(true).redirectOutput(dir.resolve(e.getKey() + ".log").toFile()).start());
        }
        return Map.of("client", client, "web1", web1, "web2", web2, "lone", lone);
    }

    /** Attaches like the runtime does, and makes the task's resolv.conf its /etc/resolv.conf under ip netns exec. */
    private NetnsName attach(DataPlane d, String taskId) throws IOException {
        DataPlane.Attachment at = d.attach(taskId).orElseThrow();
        NetnsName ns = new NetnsName(Path.of(at.netnsPath()).getFileName().toString());
        Path etc = Path.of("/etc/netns", ns.value());
        etcNetns.add(etc);
        Files.createDirectories(etc);
        Files.copy(at.resolvConf(), etc.resolve("resolv.conf"));
        return ns;
    }

    @Test
    void aTaskReachesATaskOnTheOtherHostByAddressByVipAndByServiceName() throws Exception {
        NetnsName client = deploy().get("client");

        assertThat(get(client, "10.0.77.11")).isEqualTo("web1");
        assertThat(lookup(client, "web")).contains("10.0.77.2");
        assertThat(lookup(client, "tasks.web")).contains("10.0.77.11", "10.0.77.12");
        assertThat(lookup(client, "www")).contains("10.0.77.2");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 64 && seen.size() < 2; i++) {
            seen.add(get(client, "web"));
        }
        assertThat(seen).as("connections to the VIP reach both backends, across hosts").containsExactlyInAnyOrder("web1", "web2");
    }

    @Test
    void twoNetworksCannotSeeEachOther() throws Exception {
        NetnsName client = deploy().get("client");

        assertThat(run(client, "timeout", "3", "busybox", "wget", "-q", "-O", "-", "http://10.0.78.10:8080/").exitCode).isNotZero();
        assertThat(lookup(client, "lone")).doesNotContain("10.0.78.2");
        assertThat(run(client, "timeout", "3", "busybox", "wget", "-q", "-O", "-", "http://10.0.78.2:8080/").exitCode).isNotZero();
    }

    @Test
    void aDetachedTaskLeavesNothingAndAnUnreadyBackendGetsNoTraffic() throws Exception {
        Map<String, NetnsName> ns = deploy();
        NetworkView web2Down = new NetworkView(List.of(new NetworkInfo("front", "front", 4301, "10.0.77.0/24", "10.0.77.1",
                false, false, List.of(new Peer("client", "cli", "A", UNDER_A, "10.0.77.10/24", List.of(), true),
                        new Peer("web2", "web", "A", UNDER_A, "10.0.77.12/24", List.of("www"), false),
                        new Peer("web1", "web", "B", UNDER_B, "10.0.77.11/24", List.of("www"), true)))), view().services());
        a.assigned(new Assignments("s", false, List.of(), List.of(), web2Down));
        a.settle();
        for (int i = 0; i < 16; i++) {
            assertThat(get(ns.get("client"), "10.0.77.2")).isEqualTo("web1");
        }

        a.detach("web2");
        a.detach("client");
        assertThat(new IpNetns().list()).doesNotContain(ns.get("client"), ns.get("web2"), switchOnA("front"));
        assertThat(sh("ip", "-n", hostA.value(), "-o", "link", "show")).doesNotContain(naming.bridge("front").value());
    }

    @Test
    void afterARestartWhatIsStillAssignedIsAdoptedAndTheRestRemoved() throws Exception {
        Map<String, NetnsName> ns = deploy();
        assertThat(sh("ip", "-n", ns.get("web2").value(), "-d", "-o", "link", "show", "eth0")).contains("macvlan");
        a.close();
        a = dataPlane("A", UNDER_A, hostA); // the daemon restarted: what it applied is forgotten

        a.assigned(new Assignments("s2", true, List.of(task("client", "front", "10.0.77.10/24")), List.of(), view()));
        a.settle();

        assertThat(new IpNetns().list()).contains(ns.get("client")).doesNotContain(ns.get("web2")); // its eth0 with it
        assertThat(sh("ip", "-n", ns.get("client").value(), "-o", "addr", "show", "eth0")).contains("10.0.77.10/24");
        assertThat(get(ns.get("client"), "10.0.77.11")).isEqualTo("web1");
        assertThat(lookup(ns.get("client"), "tasks.web")).contains("10.0.77.11");
    }

    @Test
    void aHostModePublishedPortReachesTheTaskOnItsOwnNode() throws Exception {
        deploy();
        sh("ip", "netns", "exec", hostA.value(), "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        sh("ip", "netns", "exec", hostB.value(), "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");

        assertThat(get(hostB, UNDER_A, 8081)).isEqualTo("web2");
        for (int i = 0; i < 8; i++) {
            assertThat(get(hostA, UNDER_B, 8081)).as("host mode: each node's port reaches its own task").isEqualTo("web1");
        }
    }

    @Test
    void aTaskReachesAPublishedPortWhoseBackendSharesItsNetworkOnItsNode() throws Exception {
        NetnsName client = deploy().get("client");
        sh("ip", "netns", "exec", hostA.value(), "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");

        // client and web2 are both on "front" on node A: the DNATed connection goes back into the network it came
        // from, and its replies must come back through the host to be un-NATed (masqueraded to the gateway).
        for (int i = 0; i < 4; i++) {
            assertThat(get(client, UNDER_A, 8081)).isEqualTo("web2");
        }
    }

    private String get(NetnsName ns, String host) throws Exception {
        return get(ns, host, 8080);
    }

    private String get(NetnsName ns, String host, int port) throws Exception {
        // busybox 1.35 (Debian 12) wget segfaults with -T; coreutils timeout bounds it instead.
        Result r = run(ns, "timeout", "10", "busybox", "wget", "-q", "-O", "-", "http://" + host + ":" + port + "/");
        assertThat(r.exitCode).as("wget %s: %s", host, r.output).isZero();
        return r.output.strip();
    }

    private String lookup(NetnsName ns, String name) throws Exception {
        return run(ns, "busybox", "nslookup", name).output;
    }

    record Result(int exitCode, String output) {}

    private static Result run(NetnsName ns, String... argv) throws Exception {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns.value()));
        all.addAll(List.of(argv));
        Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Result(p.waitFor(), out);
    }

    private static String sh(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + out);
        }
        return out;
    }

    private static String random() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
