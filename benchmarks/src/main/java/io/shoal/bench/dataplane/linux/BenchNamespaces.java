package io.shoal.bench.dataplane.linux;

import io.shoal.net.linux.IpNetns;
import io.shoal.net.plan.NetnsName;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespaces of one {@code shoal-bench dataplane} run, all under a random prefix: two "hosts" joined by a veth
 * underlay, processes started inside namespaces, and their removal (processes, then every namespace of the prefix)
 * even when the run failed.
 */
public final class BenchNamespaces implements AutoCloseable {
    public final String prefix;
    public final String id;
    private final List<Process> processes = new ArrayList<>();

    public BenchNamespaces() {
        SecureRandom r = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36)));
        }
        id = s.toString();
        prefix = "shoalbench-" + id + "-";
    }

    /** Two host namespaces with addresses {@code underA}/{@code underB} on a veth between them. */
    public List<NetnsName> hosts(String underA, String underB) throws IOException, InterruptedException {
        return hosts(underA, underB, "");
    }

    /** As {@link #hosts(String, String)}, a second pair told apart by {@code suffix}. */
    public List<NetnsName> hosts(String underA, String underB, String suffix) throws IOException, InterruptedException {
        NetnsName a = new NetnsName(prefix + "ha" + suffix);
        NetnsName b = new NetnsName(prefix + "hb" + suffix);
        run("ip", "netns", "add", a.value());
        run("ip", "netns", "add", b.value());
        run("ip", "-n", a.value(), "link", "add", "under", "type", "veth", "peer", "name", "under", "netns", b.value());
        run("ip", "-n", a.value(), "addr", "add", underA + "/24", "dev", "under");
        run("ip", "-n", b.value(), "addr", "add", underB + "/24", "dev", "under");
        run("ip", "-n", a.value(), "link", "set", "under", "up");
        run("ip", "-n", b.value(), "link", "set", "under", "up");
        return List.of(a, b);
    }

    /** A host namespace with no peer (the underlay address on a veth looped to itself), for attachments only. */
    public NetnsName standalone(String suffix, String underlay) throws IOException, InterruptedException {
        NetnsName n = new NetnsName(prefix + suffix);
        run("ip", "netns", "add", n.value());
        run("ip", "-n", n.value(), "link", "add", "under", "type", "veth", "peer", "name", "underpeer");
        run("ip", "-n", n.value(), "addr", "add", underlay + "/24", "dev", "under");
        run("ip", "-n", n.value(), "link", "set", "under", "up");
        run("ip", "-n", n.value(), "link", "set", "underpeer", "up");
        return n;
    }

    /**
     * The reference for throughput: two namespaces of their own joined by a veth underlay ({@code 10.205.0.1/2}),
     * each with a bare VXLAN device (VNI 4242, port 4789, MTU {@code mtu}) addressed {@code 10.206.0.1/2}: no
     * bridge, no task veth, no nftables table, the path an overlay cannot beat. The sender side first.
     */
    public List<NetnsName> rawVxlan(int mtu) throws IOException, InterruptedException {
        NetnsName a = new NetnsName(prefix + "ra");
        NetnsName b = new NetnsName(prefix + "rb");
        run("ip", "netns", "add", a.value());
        run("ip", "netns", "add", b.value());
        run("ip", "-n", a.value(), "link", "add", "under", "type", "veth", "peer", "name", "under", "netns", b.value());
        String[][] sides = {{a.value(), "10.205.0.1", "10.205.0.2", "10.206.0.1"}, {b.value(), "10.205.0.2", "10.205.0.1", "10.206.0.2"}};
        for (String[] side : sides) {
            run("ip", "-n", side[0], "addr", "add", side[1] + "/24", "dev", "under");
            run("ip", "-n", side[0], "link", "set", "under", "up");
            run("ip", "-n", side[0], "link", "add", "rawvx", "mtu", Integer.toString(mtu), "type", "vxlan", "id", "4242",
                    "local", side[1], "remote", side[2], "dstport", "4789");
            run("ip", "-n", side[0], "addr", "add", side[3] + "/24", "dev", "rawvx");
            run("ip", "-n", side[0], "link", "set", "rawvx", "up");
            run("ip", "-n", side[0], "link", "set", "lo", "up");
        }
        return List.of(a, b);
    }

    /** {@code net.bridge.bridge-nf-call-iptables} in a namespace of this bench ("" without br_netfilter). */
    public String bridgeNfCallIptables(NetnsName ns) throws IOException {
        Path sysctl = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");
        return new io.shoal.worker.net.linux.NetnsSockets(ns).open(() -> java.nio.file.Files.exists(sysctl)
                ? java.nio.file.Files.readString(sysctl).strip() : "");
    }

    /** Sets it in a namespace of this bench (per namespace since Linux 5.3; the host's own is untouched). */
    public void setBridgeNfCallIptables(NetnsName ns, String value) {
        if (!ns.value().startsWith(prefix) || !(value.equals("0") || value.equals("1"))) {
            throw new IllegalArgumentException("only 0/1 in this bench's namespaces");
        }
        try {
            run("ip", "netns", "exec", ns.value(), "sysctl", "-q", "-w", "net.bridge.bridge-nf-call-iptables=" + value);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Starts {@code sh -c script} inside {@code ns}; {@link #close()} kills it. */
    public Process start(NetnsName ns, String script, Path log) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.value(), "sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    /** Runs {@code sh -c script} inside {@code ns} to its end; its output. */
    public String exec(NetnsName ns, String script) throws IOException, InterruptedException {
        return run("ip", "netns", "exec", ns.value(), "sh", "-c", script);
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + ": " + out.strip());
        }
        return out;
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        IpNetns netns = new IpNetns();
        for (NetnsName ns : netns.list()) {
            if (ns.value().startsWith(prefix)) {
                netns.delete(ns);
            }
        }
    }
}
