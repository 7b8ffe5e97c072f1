package io.shoal.worker.net;

import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.net.dns.EmbeddedDnsServer;
import io.shoal.net.dns.LiveViews;
import io.shoal.net.host.Links;
import io.shoal.net.host.Netfilter;
import io.shoal.net.host.Netns;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.NetworkPlanner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's share of the overlay: it keeps the last assignments' attachments and network view, and the set of
 * local tasks whose namespace exists, and makes the host match {@link NodePlan} after each change: links through
 * the planner (a diff against what it applied last; after a restart, {@code reconcile} against the links the host
 * has), each task namespace's VIP table, the node's isolation and egress tables, and one embedded DNS server per
 * gateway address. Thread-safe (one lock): {@link #attach} and {@link #detach} run on the task runners' threads,
 * refreshes after assignments on a thread of its own. Failures of the host commands are thrown from attach and
 * logged from refreshes (the next change or full sync retries).
 */
public final class DataPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

    /** What a task's container needs to join its networks. */
    public record Attachment(String netnsPath, Path resolvConf) {}

    private final DataPlaneSettings settings;
    private final Links links;
    private final Netns netns;
    private final Netfilter netfilter;
    private final HostSockets sockets;
    private final NetworkPlanner planner;
    private final LiveViews views = new LiveViews();
    private final ExecutorService refresher;
    private final ExecutorService namespaces;

    private final Map<String, List<NetworkAttachment>> assigned = new HashMap<>();
    private final Map<String, List<NetworkAttachment>> attached = new LinkedHashMap<>();
    private final Map<String, NftTable> vipTables = new HashMap<>();
    private final Map<String, NftTable> nodeTables = new HashMap<>();
    private final Map<Ipv4, EmbeddedDnsServer> dns = new HashMap<>();
    private NetworkView view = NetworkView.EMPTY;
    private HostNetworks applied;
    private boolean recovered;

    public DataPlane(DataPlaneSettings settings, Links links, Netns netns, Netfilter netfilter, HostSockets sockets) {
        this.settings = settings;
        this.links = links;
        this.netns = netns;
        this.netfilter = netfilter;
        this.sockets = sockets;
        this.planner = new NetworkPlanner(settings.naming());
        this.refresher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shoal-dataplane");
            t.setDaemon(true);
            return t;
        });
        this.namespaces = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shoal-dataplane-netns");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the attachments and network view of an assignments message (cheap; called on the agent's thread) and
     * brings the host up to date in the background. The first complete set after start recovers what a previous
     * run left: namespaces of assigned tasks are adopted, the others deleted, links reconciled.
     */
    public void assigned(Assignments a) {
        synchronized (this) {
            if (a.complete()) {
                assigned.clear();
            }
            a.removed().forEach(assigned::remove);
            for (AssignedTask t : a.tasks()) {
                assigned.put(t.task().id(), t.networks());
            }
            if (a.network() != null) {
                view = a.network();
            }
        }
        boolean recover = a.complete() && !recovered;
        refresher.execute(() -> {
            try {
                if (recover) {
                    recover();
                }
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("data plane refresh failed: {}", e.getMessage());
            }
        });
    }

    /** Waits until the refreshes queued so far are done (tests and benchmarks). */
    public void settle() throws Exception {
        refresher.submit(() -> { }).get(1, java.util.concurrent.TimeUnit.MINUTES);
    }

    private synchronized void recover() {
        recovered = true;
        String prefix = settings.netnsPrefix();
        for (NetnsName ns : netns.list()) {
            if (!ns.value().startsWith(prefix) || ns.value().startsWith(settings.switchPrefix())) {
                continue; // a network's switch is the links' business: reconciled below with them
            }
            String taskId = ns.value().substring(prefix.length());
            if (assigned.containsKey(taskId) && !assigned.get(taskId).isEmpty()) {
                attached.put(taskId, assigned.get(taskId));
            } else {
                netns.delete(ns);
            }
        }
        applied = null;
        Set<String> tables = netfilter.tables(Optional.empty());
        for (String table : List.of(NodePlan.ISOLATION_TABLE, NodePlan.EGRESS_TABLE, NodePlan.PORTS_TABLE)) {
            if (tables.contains(table)) {
                nodeTables.put(table, new NftTable(table, "")); // left by the previous run: replaced or deleted next
            }
        }
    }

    /**
     * Creates the task's namespace (if it has networks), wires it (veth, address, route, VIP rules) and writes
     * its resolv.conf; empty for a task on no network. The namespace is made on a thread of its own (about 1 ms of
     * kernel work) while this one writes the resolv.conf and plans the node with the task in it; the plan is applied
     * once both are done. On a failure before the task counts as attached, what was made for it is removed here.
     */
    public synchronized Optional<Attachment> attach(String taskId) throws IOException {
        List<NetworkAttachment> networks = assigned.getOrDefault(taskId, List.of());
        if (networks.isEmpty()) {
            return Optional.empty();
        }
        Ipv4 nameserver = NodePlan.resolver(settings.nodeId(), settings.naming(), view, networks)
                .orElseThrow(() -> new IOException("task " + taskId + ": none of its networks is known to this node yet"));
        NetnsName ns = settings.netnsOf(taskId);
        Future<?> made = !attached.containsKey(taskId) && !Files.exists(Path.of("/run/netns", ns.value()))
                ? netns.createAsync(ns, namespaces) : null;
        Path resolv = settings.runDir().resolve("resolv").resolve(taskId + ".conf");
        NodePlan plan;
        try {
            if (!Files.isDirectory(resolv.getParent())) {
                Files.createDirectories(resolv.getParent());
            }
            Files.writeString(resolv, "nameserver " + nameserver + "\noptions ndots:0\n");
            Map<String, List<NetworkAttachment>> next = new LinkedHashMap<>(attached);
            next.put(taskId, networks);
            plan = plan(next);
        } catch (IOException | RuntimeException e) {
            if (made != null && await(made).isEmpty()) {
                undo(e, () -> netns.delete(ns));
            }
            undo(e, () -> Files.deleteIfExists(resolv));
            throw e;
        }
        Optional<RuntimeException> failed = made == null ? Optional.empty() : await(made);
        if (failed.isPresent()) {
            undo(failed.get(), () -> Files.deleteIfExists(resolv));
            throw failed.get();
        }
        attached.put(taskId, networks);
        apply(plan);
        return Optional.of(new Attachment("/run/netns/" + ns.value(), resolv));
    }

    /**
     * Waits for the namespace's creation (about a millisecond, so uninterruptibly: an interrupt is kept for later, and
     * a namespace is never left made behind an attach that gave up): empty when it was made, else why not.
     */
    private static Optional<RuntimeException> await(Future<?> made) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    made.get();
                    return Optional.empty();
                } catch (ExecutionException e) {
                    return Optional.of(e.getCause() instanceof RuntimeException r ? r
                            : new TransientNetworkException("network namespace not created: " + e.getCause(), e.getCause()));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface Undo {
        void run() throws Exception;
    }

    /** Removes what a failed attach made; a failure to remove is added to the one reported. */
    private static void undo(Exception cause, Undo undo) {
        try {
            undo.run();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** Unwires the task and deletes its namespace and resolv.conf; a task never attached is fine. */
    public synchronized void detach(String taskId) {
        if (attached.remove(taskId) == null) {
            return;
        }
        vipTables.remove(taskId);
        try {
            refresh();
        } finally {
            netns.delete(settings.netnsOf(taskId));
            try {
                Files.deleteIfExists(settings.runDir().resolve("resolv").resolve(taskId + ".conf"));
            } catch (IOException e) {
                LOG.warn("resolv.conf of task {} not removed: {}", taskId, e.getMessage());
            }
        }
    }

    private synchronized void refresh() {
        apply(plan(attached));
    }

    private NodePlan plan(Map<String, List<NetworkAttachment>> tasks) {
        return NodePlan.of(settings.nodeId(), settings.underlay(), settings.naming(), view, tasks, settings::netnsOf);
    }

    private void apply(NodePlan plan) {
        boolean none = plan.links().networks().isEmpty();
        if (none && applied != null && applied.networks().isEmpty()) {
            return; // a node without networked tasks runs no ip or nft at all
        }
        links.apply(applied == null ? planner.reconcile(links.links(Optional.empty()), plan.links())
                : planner.plan(applied, plan.links()));
        applied = plan.links();
        for (Map.Entry<String, NftTable> e : plan.vipTables().entrySet()) {
            if (!e.getValue().equals(vipTables.get(e.getKey()))) {
                netfilter.replace(Optional.of(settings.netnsOf(e.getKey())), e.getValue());
                vipTables.put(e.getKey(), e.getValue());
            }
        }
        if (none) {
            for (String table : List.of(NodePlan.ISOLATION_TABLE, NodePlan.EGRESS_TABLE, NodePlan.PORTS_TABLE)) {
                if (nodeTables.remove(table) != null) {
                    netfilter.delete(Optional.empty(), table);
                }
            }
        } else {
            node(NodePlan.ISOLATION_TABLE, plan.isolation());
            node(NodePlan.EGRESS_TABLE, plan.egress());
            node(NodePlan.PORTS_TABLE, plan.ports());
        }
        views.update(plan.names(), plan.dnsClients());
        dnsServers(new HashSet<>(plan.dnsAddresses()));
    }

    private void node(String name, NftTable table) {
        if (!table.equals(nodeTables.get(name))) {
            netfilter.replace(Optional.empty(), table);
            nodeTables.put(name, table);
        }
    }

    private void dnsServers(Set<Ipv4> wanted) {
        dns.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().close();
            return true;
        });
        for (Ipv4 address : wanted) {
            if (dns.containsKey(address)) {
                continue;
            }
            try {
                InetSocketAddress bind = new InetSocketAddress(InetAddress.getByAddress(address.octets()), settings.dnsPort());
                EmbeddedDnsServer.Settings s = new EmbeddedDnsServer.Settings(bind, settings.upstreams(), Duration.ofSeconds(2), 600);
                dns.put(address, sockets.open(() -> EmbeddedDnsServer.start(s, views, RandomGenerator.getDefault())));
            } catch (IOException e) {
                LOG.warn("embedded DNS not started on {}: {}", address, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        refresher.shutdownNow();
        namespaces.shutdownNow();
        dns.values().forEach(EmbeddedDnsServer::close);
        dns.clear();
        try {
            links.close(); // sockets it keeps in the switches; the switches themselves stay
        } catch (RuntimeException e) {
            LOG.warn("data plane links not closed: {}", e.getMessage());
        }
    }
}
