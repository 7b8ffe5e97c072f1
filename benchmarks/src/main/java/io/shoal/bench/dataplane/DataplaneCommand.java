package io.shoal.bench.dataplane;

import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.bench.dataplane.linux.BenchNamespaces;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.Backend;
import io.shoal.net.lb.NftRenderer;
import io.shoal.net.lb.NftTable;
import io.shoal.net.lb.ServiceVip;
import io.shoal.net.host.Netfilter;
import io.shoal.net.linux.InProcessNetns;
import io.shoal.net.linux.IpBatchLinks;
import io.shoal.net.linux.IpNetns;
import io.shoal.net.linux.LibNftablesNetfilter;
import io.shoal.net.linux.NetlinkLinks;
import io.shoal.net.linux.NftNetfilter;
import io.shoal.net.linux.SwitchNamespaceLinks;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.Naming;
import io.shoal.worker.net.DataPlane;
import io.shoal.worker.net.DataPlaneSettings;
import io.shoal.worker.net.linux.NetnsSockets;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code shoal-bench dataplane [--tasks N] [--services S] [--runs K] [--megabytes M]} (root): the worker's data
 * plane on two "hosts" (namespaces joined by a veth underlay) of its own. Prints the time to attach each of N
 * tasks to an overlay (namespace, veth, address, route, VIP table: what happens before a container starts; median,
 * p90) with the daemon's in-process adapters, and in turn the same attachments with the process-based ones
 * ({@code ip netns add}, {@code ip -batch}, {@code nft -f}) on a third host, the time to render and load the VIP
 * rules of S services (3 backends each) into a task namespace (median of
 * K), and TCP throughput from a task on one host to a task on the other across the VXLAN (a Java sender and
 * receiver, M MiB; median of 3 rounds), next to the same transfer with the layout before switch namespaces (bridges
 * in the hosts' own namespace, with br_netfilter as the machine has it and off) and over a bare VXLAN device between
 * two namespaces of its own, taken in turn with it. Removes everything it made, even on failure.
 * {@code attach.parts_median_ms} splits an attach into the time in each port (namespace, links, nft) and the rest;
 * the namespace is made beside the planning, so {@code attach.path_median_ms} also gives the path the attach waits
 * on: until the links start, links, nft, and after.
 */
public final class DataplaneCommand {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    static final String UNDER_A = "10.203.0.1";
    static final String UNDER_B = "10.203.0.2";
    static final String UNDER_C = "10.203.1.3";

    private DataplaneCommand() {}

    public static void run(String[] args, PrintStream out) throws Exception {
        int tasks = 50;
        int services = 1000;
        int runs = 5;
        int megabytes = 1024;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--tasks" -> tasks = v;
                case "--services" -> services = v;
                case "--runs" -> runs = v;
                case "--megabytes" -> megabytes = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (tasks < 1 || tasks > 1000 || services < 1 || services > 4000 || runs < 1) {
            throw new IllegalArgumentException("--tasks 1..1000, --services 1..4000, --runs >= 1");
        }
        try (BenchNamespaces ns = new BenchNamespaces()) {
            List<NetnsName> hosts = ns.hosts(UNDER_A, UNDER_B);
            Path dir = Files.createTempDirectory(ns.prefix);
            Naming naming = new Naming("b" + ns.id.substring(0, 3));
            Timed timed = new Timed();
            DataPlane a = plane("A", UNDER_A, hosts.get(0), naming, ns.prefix + "a-", dir, timed);
            DataPlane b = plane("B", UNDER_B, hosts.get(1), naming, ns.prefix + "b-", dir, new Timed());
            // The same attachments by the process-based adapters (ip netns add, ip -batch, nft -f), on a third host
            // that plays node A too, taken in turn with A's so both see the same load.
            NetnsName hostC = ns.standalone("hc", UNDER_C);
            DataPlane c = new DataPlane(settings("A", UNDER_C, hostC, naming, ns.prefix + "c-", dir.resolve("C")),
                    new IpBatchLinks(Optional.of(hostC)), new IpNetns(), new NftNetfilter(Optional.of(hostC)), new NetnsSockets(hostC));
            try {
                NetworkView view = view(tasks);
                List<AssignedTask> onA = new ArrayList<>();
                for (int i = 0; i < tasks; i++) {
                    onA.add(task("t" + i, address(i)));
                }
                a.assigned(new Assignments("s", true, onA, List.of(), view));
                b.assigned(new Assignments("s", true, List.of(task("srv", "10.0.100.10/20")), List.of(), view));
                c.assigned(new Assignments("s", true, onA, List.of(), view));
                a.settle();
                b.settle();
                c.settle();
                NetnsName server = netns(b.attach("srv").orElseThrow());
                List<Long> micros = new ArrayList<>();
                List<Long> processMicros = new ArrayList<>();
                List<long[]> parts = new ArrayList<>();
                NetnsName client = null;
                for (int i = 0; i < tasks; i++) {
                    timed.reset();
                    long start = System.nanoTime();
                    NetnsName attached = netns(a.attach("t" + i).orElseThrow());
                    long took = System.nanoTime() - start;
                    micros.add(took / 1000);
                    long untilLinks = timed.linksStarted - start;
                    parts.add(new long[] {timed.netnsNanos, timed.linksNanos, timed.nftNanos,
                        took - timed.netnsNanos - timed.linksNanos - timed.nftNanos, untilLinks,
                        took - untilLinks - timed.linksNanos - timed.nftNanos});
                    client = client == null ? attached : client;
                    start = System.nanoTime();
                    c.attach("t" + i).orElseThrow();
                    processMicros.add((System.nanoTime() - start) / 1000);
                }
                Collections.sort(micros);
                Collections.sort(processMicros);
                out.printf("attach.tasks=%d%n", tasks);
                out.printf("attach.median_ms=%.1f%n", micros.get(micros.size() / 2) / 1000.0);
                out.printf("attach.p90_ms=%.1f%n", micros.get(Math.min(micros.size() - 1, micros.size() * 9 / 10)) / 1000.0);
                out.printf("attach.parts_median_ms=netns %.1f links %.1f nft %.1f rest %.1f%n", medianMs(parts, 0),
                        medianMs(parts, 1), medianMs(parts, 2), medianMs(parts, 3));
                // The path the attach waits on, summing to it: until the links (the namespace made beside the
                // resolv.conf and the node's plan), links, VIP table, and the rest after the links began.
                out.printf("attach.path_median_ms=until-links %.1f links %.1f nft %.1f after %.1f%n", medianMs(parts, 4),
                        medianMs(parts, 1), medianMs(parts, 2), medianMs(parts, 5));
                out.printf("attach.processes_median_ms=%.1f%n", processMicros.get(processMicros.size() / 2) / 1000.0);
                out.printf("attach.processes_p90_ms=%.1f%n",
                        processMicros.get(Math.min(processMicros.size() - 1, processMicros.size() * 9 / 10)) / 1000.0);
                vips(services, runs, client, hosts.get(0), out);
                if (megabytes > 0) {
                    throughputs(ns, view, client, server, naming, dir, megabytes, out);
                }
            } finally {
                a.close();
                b.close();
                c.close();
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * The overlay as the daemon lays it out (each network switched in a namespace of its own), the layout before it
     * (bridges, VXLANs and task veth ends in the host's namespace: the same DataPlane with the rtnetlink adapter on
     * two more hosts), with br_netfilter as the machine has it and, when that is on, with it off in those two hosts,
     * and a bare VXLAN between two namespaces of its own: same sender, receiver and size, taken in turn three times
     * (medians), so warm-up and the machine's load weigh on all alike. net.bridge.bridge-nf-call-iptables is per
     * namespace and starts as the machine's.
     */
    private static void throughputs(BenchNamespaces ns, NetworkView view, NetnsName client, NetnsName server, Naming naming,
                                    Path dir, int megabytes, PrintStream out) throws Exception {
        List<NetnsName> raw = ns.rawVxlan(mtu(server));
        List<NetnsName> old = ns.hosts(UNDER_A, UNDER_B, "o");
        DataPlane d = hostBridges("A", UNDER_A, old.get(0), naming, ns.prefix + "d-", dir);
        DataPlane e = hostBridges("B", UNDER_B, old.get(1), naming, ns.prefix + "e-", dir);
        try {
            d.assigned(new Assignments("s", true, List.of(task("t0", address(0))), List.of(), view));
            e.assigned(new Assignments("s", true, List.of(task("srv", "10.0.100.10/20")), List.of(), view));
            d.settle();
            e.settle();
            NetnsName oldClient = netns(d.attach("t0").orElseThrow());
            NetnsName oldServer = netns(e.attach("srv").orElseThrow());
            List<Double> overlays = new ArrayList<>();
            List<Double> hostBridges = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            List<Double> bares = new ArrayList<>();
            String brnf = ns.bridgeNfCallIptables(old.get(0));
            for (int round = 0; round < 3; round++) {
                bares.add(throughput(raw.get(0), raw.get(1), "10.206.0.2", megabytes));
                overlays.add(throughput(client, server, "10.0.100.10", megabytes));
                hostBridges.add(throughput(oldClient, oldServer, "10.0.100.10", megabytes));
                if (brnf.equals("1")) {
                    old.forEach(h -> ns.setBridgeNfCallIptables(h, "0"));
                    plain.add(throughput(oldClient, oldServer, "10.0.100.10", megabytes));
                    old.forEach(h -> ns.setBridgeNfCallIptables(h, "1"));
                }
            }
            double overlay = median(overlays);
            double bare = median(bares);
            out.printf("throughput.megabytes=%d%n", megabytes);
            out.printf("throughput.bridge_nf_call_iptables=%s%n", brnf.isEmpty() ? "absent" : brnf);
            out.printf("throughput.gbit_per_s=%.2f%n", overlay);
            out.printf("throughput.host_bridges_gbit_per_s=%.2f%n", median(hostBridges));
            if (!plain.isEmpty()) {
                out.printf("throughput.host_bridges_without_br_netfilter_gbit_per_s=%.2f%n", median(plain));
            }
            out.printf("throughput.raw_vxlan_gbit_per_s=%.2f%n", bare);
            out.printf("throughput.ratio=%.2f%n", overlay / bare);
            out.printf("throughput.rounds=overlay %s host-bridges %s%s raw %s%n", rounded(overlays), rounded(hostBridges),
                    plain.isEmpty() ? "" : " host-bridges-without-br_netfilter " + rounded(plain), rounded(bares));
        } finally {
            d.close();
            e.close();
        }
    }

    /** A data plane with the layout before switch namespaces: everything on the host's own bridges. */
    private static DataPlane hostBridges(String node, String underlay, NetnsName host, Naming naming, String prefix, Path dir) {
        return new DataPlane(settings(node, underlay, host, naming, prefix, dir.resolve(node + "o")), new NetlinkLinks(Optional.of(host)),
                new InProcessNetns(), new LibNftablesNetfilter(Optional.of(host)), new NetnsSockets(host));
    }

    private static DataPlaneSettings settings(String node, String underlay, NetnsName host, Naming naming, String prefix, Path dir) {
        return new DataPlaneSettings(node, Ipv4.of(underlay), naming, prefix, dir, Optional.of(host), List.of(), 53);
    }

    private static DataPlane plane(String node, String underlay, NetnsName host, Naming naming, String prefix, Path dir,
                                   Timed timed) {
        DataPlaneSettings s = settings(node, underlay, host, naming, prefix, dir.resolve(node));
        // The daemon's adapters (DataPlaneRole): namespaces, veths and nft in-process, each network switched in a
        // namespace of its own; timed, to show where it goes.
        InProcessNetns namespaces = new InProcessNetns();
        return new DataPlane(s, timed.links(new SwitchNamespaceLinks(Optional.of(host), naming, s.switchPrefix(), namespaces,
                NetlinkLinks::keepingSocket)), timed.netns(namespaces),
                timed.netfilter(new LibNftablesNetfilter(Optional.of(host))), new NetnsSockets(host));
    }

    private static NetnsName netns(DataPlane.Attachment a) {
        return new NetnsName(Path.of(a.netnsPath()).getFileName().toString());
    }

    private static String address(int i) {
        return Ipv4.of("10.0.96.10").plus(i) + "/20";
    }

    private static NetworkView view(int tasks) {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            peers.add(new Peer("t" + i, "web", "A", UNDER_A, address(i), List.of(), true));
        }
        peers.add(new Peer("srv", "srv", "B", UNDER_B, "10.0.100.10/20", List.of(), true));
        return new NetworkView(List.of(new NetworkInfo("bench", "bench", 4500, "10.0.96.0/20", "10.0.96.1", false, false, peers)),
                List.of(new ServiceInfo("web", "web", "vip", List.of(new Endpoint.VirtualIp("bench", "10.0.96.2/20")), List.of()),
                        new ServiceInfo("srv", "srv", "vip", List.of(new Endpoint.VirtualIp("bench", "10.0.96.3/20")), List.of())));
    }

    private static AssignedTask task(String id, String address) {
        Task t = new Task(id, new Version(1), T, T, null, id, 1L, "n", new TaskStatus(T, TaskState.ASSIGNED, "", null, null),
                TaskState.RUNNING, 1);
        return new AssignedTask(t, id, List.of(new NetworkAttachment("bench", List.of(address), null)));
    }

    private static void vips(int services, int runs, NetnsName taskNs, NetnsName host, PrintStream out) {
        List<ServiceVip> vips = new ArrayList<>();
        Ipv4 base = Ipv4.of("10.1.0.0");
        for (int i = 0; i < services; i++) {
            Ipv4 vip = base.plus(i);
            vips.add(new ServiceVip("s" + i, vip, List.of(Backend.healthy(Ipv4.of("10.2.0.0").plus(3L * i)),
                    Backend.healthy(Ipv4.of("10.2.0.0").plus(3L * i + 1)), Backend.healthy(Ipv4.of("10.2.0.0").plus(3L * i + 2)))));
        }
        // load: libnftables in-process, as the daemon does; load_nft_cli: the same table through `nft -f`.
        Netfilter library = new LibNftablesNetfilter(Optional.of(host));
        Netfilter cli = new NftNetfilter(Optional.of(host));
        List<Long> render = new ArrayList<>();
        List<Long> load = new ArrayList<>();
        List<Long> loadCli = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            NftTable table = NftRenderer.vips("shoal_vip", vips);
            render.add(System.nanoTime() - start);
            start = System.nanoTime();
            library.replace(Optional.of(taskNs), table);
            load.add(System.nanoTime() - start);
            start = System.nanoTime();
            cli.replace(Optional.of(taskNs), table);
            loadCli.add(System.nanoTime() - start);
        }
        Collections.sort(render);
        Collections.sort(load);
        Collections.sort(loadCli);
        out.printf("vips.services=%d%n", services);
        out.printf("vips.render_median_ms=%.1f%n", render.get(runs / 2) / 1e6);
        out.printf("vips.load_median_ms=%.1f%n", load.get(runs / 2) / 1e6);
        out.printf("vips.load_nft_cli_median_ms=%.1f%n", loadCli.get(runs / 2) / 1e6);
    }

    private static double medianMs(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2] / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList();
    }

    /** The MTU of the task's interface, for the bare VXLAN to match. */
    private static int mtu(NetnsName task) throws Exception {
        return new NetnsSockets(task).open(() -> java.net.NetworkInterface.getByName("eth0").getMTU());
    }

    /** A Java receiver in the server's namespace, a Java sender in the client's: Gbit/s across the VXLAN. */
    private static double throughput(NetnsName client, NetnsName server, String address, int megabytes) throws Exception {
        InetAddress srv = InetAddress.getByName(address);
        try (ServerSocket listen = new NetnsSockets(server).open(() -> new ServerSocket(5001, 1, srv))) {
            Thread receiver = new Thread(() -> {
                try (Socket s = listen.accept(); InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[1 << 16];
                    while (in.read(buf) >= 0) {
                        // drain
                    }
                } catch (Exception e) {
                    // the sender reports failures
                }
            }, "bench-receiver");
            receiver.start();
            try (Socket s = new NetnsSockets(client).open(() -> {
                Socket c = new Socket();
                c.connect(new InetSocketAddress(srv, 5001), 5000);
                return c;
            })) {
                byte[] buf = new byte[1 << 20];
                OutputStream o = s.getOutputStream();
                long start = System.nanoTime();
                for (int i = 0; i < megabytes; i++) {
                    o.write(buf);
                }
                s.shutdownOutput();
                receiver.join();
                double seconds = (System.nanoTime() - start) / 1e9;
                return megabytes * 8.0 * 1.048576 / 1000 / seconds;
            }
        }
    }
}
