package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.host.Netns;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.IpBatchRenderer;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.LinkChange.AddBridge;
import io.shoal.net.plan.LinkChange.AddMacvlan;
import io.shoal.net.plan.LinkChange.AddRemote;
import io.shoal.net.plan.LinkChange.AddVeth;
import io.shoal.net.plan.LinkChange.AddVxlan;
import io.shoal.net.plan.LinkChange.DeleteLink;
import io.shoal.net.plan.LinkChange.DeleteRemote;
import io.shoal.net.plan.Mac;
import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link Links} that keeps each network's switching out of the host's namespace, as Docker's overlay driver does: each
 * network has a namespace of its own (its <em>switch</em>, {@code PREFIX + the bridge's hash}).
 *
 * <p>An overlay is switched by macvlans of its VXLAN device: the VXLAN is created in the host, where its UDP socket
 * stays bound to the underlay, and moved into the switch (a VXLAN device keeps the namespace it was made in for its
 * socket); a macvlan of it in bridge mode, in the host, named as the bridge would be and with the bridge's address and
 * MAC, is the host's gateway on the network; each task's interface is another one, made straight inside the task's
 * namespace ({@link AddMacvlan}). Frames between a task and another task or the host go from macvlan to macvlan, and
 * to other hosts straight into the VXLAN: no veth pair, no bridge, and no netfilter hook on the way. (With a veth and
 * a bridge at each end, task-to-task throughput across hosts was 0.80–0.87 of a bare VXLAN here; with macvlans, at par
 * with it.) The VXLAN answers the tasks' ARP from its neighbour table ({@code proxy}).
 *
 * <p>A local bridge network (no VXLAN) keeps a bridge in its switch: the host has a veth named as the bridge, with
 * its address and MAC, whose peer ({@value #UPLINK}) is a port of the bridge, and each task a veth pair whose end is
 * another; Shoal sets {@code net.bridge.bridge-nf-call-iptables} to 0 there (the sysctl is per namespace; the host's
 * own is left alone). Overlays made by an earlier daemon with a bridge in their switch keep it, and their new tasks
 * get veths on it, until the network is removed.
 *
 * <p>Either way the host still routes, NATs, filters and answers DNS on "the bridge" (same name, address and MAC).
 * The planner's vocabulary is unchanged: bridges, VXLANs and veths keep their names, and {@link #links} lists the
 * host's links with those of every switch, so reconciliation after a restart sees what exists; a task's macvlan is
 * only in the task's namespace, so reconciliation adds it again, and one that exists is kept. A network's bridge and
 * VXLAN names share their hash, so the switch of a VXLAN (for its entries) is found by name. Deleting a bridge deletes
 * its VXLAN (with every macvlan on it) and its switch. Task-side links go through {@code inner} for the switch, and
 * bridges and VXLANs through {@code ip -batch}; names are validated records, as everywhere. The adapter of each switch
 * is kept while the switch lives (closed with it, or by {@link #close()}), so one that keeps its netlink socket open
 * ({@link NetlinkLinks#keepingSocket}) joins the switch once, not at every attach.
 *
 * <p>The VNI of a network never changes (the managers give it at creation): a VXLAN deleted alone would take the
 * host's gateway and the tasks' macvlans with it.
 */
public final class SwitchNamespaceLinks implements Links {

    /** The switch's end of the host's veth, a port of the switch's bridge. */
    public static final String UPLINK = "uplink";

    private static final List<String> BRIDGE_NF_SYSCTLS = List.of("bridge-nf-call-iptables", "bridge-nf-call-ip6tables",
            "bridge-nf-call-arptables");

    private final Optional<NetnsName> scope;
    private final Naming naming;
    private final String switchPrefix;
    private final Netns netns;
    private final Function<Optional<NetnsName>, Links> inner;
    private final Map<IfName, NetnsName> vethSwitches = new ConcurrentHashMap<>();
    /** Per switch: true when its network is switched by macvlans of its VXLAN, false for a bridge. */
    private final Map<NetnsName, Boolean> macvlanSwitches = new ConcurrentHashMap<>();

    /** A task's macvlan, under the name the planner gave its veth. */
    private record TaskLink(NetnsName swtch, NetnsName netns, IfName link) {}

    private final Map<IfName, TaskLink> taskLinks = new ConcurrentHashMap<>();

    private record Kept(Links links, Object identity) {}

    private final Map<NetnsName, Kept> kept = new HashMap<>();

    /**
     * @param scope the namespace that plays the host (empty in production)
     * @param switchPrefix prefix of the switches' namespace names; must differ between hosts sharing /run/netns and
     *        from anything else under it (e.g. the task namespaces' prefix + {@code "net-"})
     * @param inner the adapter that applies task veths, link removals and remote entries inside a given namespace
     */
    public SwitchNamespaceLinks(Optional<NetnsName> scope, Naming naming, String switchPrefix, Netns netns,
                                Function<Optional<NetnsName>, Links> inner) {
        // Never empty: the switches are the namespaces of this prefix, and an empty one would take in every namespace.
        if (switchPrefix.isEmpty() || !NetnsName.valid(switchPrefix + "0123456789abc")) {
            throw new IllegalArgumentException("unsafe switch namespace prefix: " + switchPrefix);
        }
        this.scope = scope;
        this.naming = naming;
        this.switchPrefix = switchPrefix;
        this.netns = netns;
        this.inner = inner;
    }

    /** The switch namespace of the network whose bridge or VXLAN is {@code link}. */
    public NetnsName switchOf(IfName link) {
        return new NetnsName(switchPrefix + naming.hashOf(link));
    }

    @Override
    public void apply(List<LinkChange> changes) {
        sweep();
        // An overlay whose bridge and VXLAN come together is made in one go: its VXLAN first, as the parent of the
        // macvlans that stand for the bridge in the host and for each task's interface.
        Map<IfName, AddVxlan> overlays = new HashMap<>();
        changes.stream().filter(AddVxlan.class::isInstance).map(AddVxlan.class::cast).filter(v -> changes.stream()
                .anyMatch(c -> c instanceof AddBridge b && b.bridge().equals(v.bridge()))).forEach(v -> overlays.put(v.bridge(), v));
        List<LinkChange> run = new ArrayList<>();
        Optional<NetnsName> runIn = Optional.empty();
        for (LinkChange change : changes) {
            if (change instanceof AddVxlan v && overlays.get(v.bridge()) == v) {
                continue; // made with its bridge
            }
            Optional<Handed> handed = delegated(change);
            Optional<NetnsName> target = handed.map(Handed::swtch);
            if (target.isEmpty() || !target.equals(runIn)) {
                flush(runIn, run);
                runIn = target;
            }
            if (handed.isPresent()) {
                run.add(handed.get().change()); // consecutive changes in one switch go in one call
            } else if (change instanceof AddBridge b && overlays.containsKey(b.bridge())) {
                addOverlay(b, overlays.get(b.bridge()));
            } else {
                own(change);
            }
        }
        flush(runIn, run);
    }

    private void flush(Optional<NetnsName> in, List<LinkChange> run) {
        if (!run.isEmpty()) {
            in.map(this::inSwitch).orElseGet(() -> oneShot(scope)).apply(List.copyOf(run));
            run.clear();
        }
    }

    /** A change for a switch's adapter, and that switch. */
    private record Handed(NetnsName swtch, LinkChange change) {}

    /**
     * The switch a change is handed to, with what its adapter gets (a task's veth becomes a macvlan of the VXLAN in a
     * switch without a bridge); empty for the changes this adapter makes itself.
     */
    private Optional<Handed> delegated(LinkChange change) {
        if (change instanceof AddVeth v) {
            NetnsName sw = existingSwitch(v.bridge());
            if (!macvlans(sw, v.bridge())) {
                vethSwitches.put(v.hostSide(), sw);
                return Optional.of(new Handed(sw, v));
            }
            taskLinks.put(v.hostSide(), new TaskLink(sw, v.netns(), v.peer()));
            return Optional.of(new Handed(sw, new AddMacvlan(naming.vxlanBeside(v.bridge()), v.netns(), v.peer(), v.mac(),
                    v.address(), v.prefix(), v.gateway(), v.defaultRoute())));
        }
        if (change instanceof AddRemote r) {
            return Optional.of(new Handed(existingSwitch(r.vxlan()), r));
        }
        return Optional.empty();
    }

    /**
     * Whether the switch's network runs on macvlans (a switch this adapter made knows; one made before it, by an earlier
     * daemon, has a bridge of the network's name inside when it is switched by a bridge).
     */
    private boolean macvlans(NetnsName sw, IfName bridge) {
        return macvlanSwitches.computeIfAbsent(sw, k -> !inSwitch(k).links(Optional.empty()).contains(bridge));
    }

    private void own(LinkChange change) {
        if (change instanceof AddBridge b) {
            addBridge(b);
        } else if (change instanceof AddVxlan v) {
            addVxlan(v);
        } else if (change instanceof DeleteRemote r) {
            NetnsName sw = switchOf(r.vxlan());
            if (switches().contains(sw)) {
                inSwitch(sw).apply(List.of(r));
            }
        } else if (change instanceof DeleteLink d) {
            deleteLink(d.link());
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
    }

    /**
     * An overlay without a bridge: the VXLAN, made in the host (where its socket stays) and moved into the switch, is
     * the parent of macvlans in bridge mode. One of them, made in the host with the bridge's name, address and MAC, is
     * the host's gateway on the network; each task's interface is another ({@link AddMacvlan}). Frames between them go
     * from one macvlan to the other, and to other hosts straight into the VXLAN: no veth pair, no bridge, no
     * netfilter hook on the way, where a veth and a bridge at each end cost about a tenth of the throughput here.
     */
    private void addOverlay(AddBridge b, AddVxlan v) {
        NetnsName sw = switchOf(b.bridge());
        netns.create(sw); // fails if it exists: adding what exists fails, as for a bridge
        try {
            ip(scope, "link add name " + v.vxlan() + " mtu " + v.mtu() + " type vxlan id " + v.vni() + " local " + v.local()
                    + " dstport " + IpBatchRenderer.VXLAN_PORT + " nolearning proxy\nlink set " + v.vxlan() + " netns " + sw + "\n");
            String host = scope.map(NetnsName::value).orElse(Long.toString(ProcessHandle.current().pid()));
            ip(Optional.of(sw), "link set lo up\nlink set " + v.vxlan() + " up\nlink add link " + v.vxlan() + " name "
                    + b.bridge() + " address " + Mac.of(b.address()) + " netns " + host + " type macvlan mode bridge\n");
            ip(scope, "addr add " + b.address() + "/" + b.prefix() + " dev " + b.bridge() + "\nlink set " + b.bridge() + " up\n");
            macvlanSwitches.put(sw, true);
        } catch (RuntimeException e) {
            forget(sw);
            netns.delete(sw);
            oneShot(scope).apply(List.of(new DeleteLink(v.vxlan()), new DeleteLink(b.bridge())));
            throw e;
        }
    }

    private void addBridge(AddBridge b) {
        NetnsName sw = switchOf(b.bridge());
        netns.create(sw); // fails if it exists: adding what exists fails, as for a bridge
        try {
            bridgeNetfilterOff(sw);
            ip(Optional.of(sw), "link set lo up\nlink add " + b.bridge() + " type bridge\nlink set " + b.bridge() + " up\n");
            ip(scope, "link add " + b.bridge() + " address " + Mac.of(b.address()) + " type veth peer name " + UPLINK
                    + " netns " + sw + "\naddr add " + b.address() + "/" + b.prefix() + " dev " + b.bridge()
                    + "\nlink set " + b.bridge() + " up\n");
            ip(Optional.of(sw), "link set " + UPLINK + " master " + b.bridge() + "\nlink set " + UPLINK + " up\n");
            macvlanSwitches.put(sw, false);
        } catch (RuntimeException e) {
            forget(sw);
            netns.delete(sw);
            oneShot(scope).apply(List.of(new DeleteLink(b.bridge())));
            throw e;
        }
    }

    private void addVxlan(AddVxlan v) {
        NetnsName sw = existingSwitch(v.bridge());
        ip(scope, "link add name " + v.vxlan() + " mtu " + v.mtu() + " type vxlan id " + v.vni() + " local " + v.local()
                + " dstport " + IpBatchRenderer.VXLAN_PORT + " nolearning proxy\nlink set " + v.vxlan() + " netns " + sw
                + "\nlink set " + v.bridge() + " mtu " + v.mtu() + "\n");
        ip(Optional.of(sw), "link set " + UPLINK + " mtu " + v.mtu() + "\nlink set " + v.vxlan() + " master " + v.bridge()
                + "\nlink set " + v.vxlan() + " up\n");
    }

    /** Idempotent, as every removal: a bridge takes its switch with it; a VXLAN or veth is looked for where it can be. */
    private void deleteLink(IfName link) {
        List<NetnsName> where = new ArrayList<>();
        if (naming.owns(link.value())) {
            char kind = naming.kindOf(link);
            if (kind == 'b') {
                // The VXLAN first, synchronously: a namespace's devices go away only when the kernel has finished
                // with it, and until then a VXLAN made again with the same VNI would be refused as a duplicate.
                NetnsName sw = switchOf(link);
                IfName vxlan = naming.vxlanBeside(link);
                if (switches().contains(sw)) {
                    inSwitch(sw).apply(List.of(new DeleteLink(vxlan))); // with it, the macvlans on it, wherever they are
                }
                forget(sw);
                netns.delete(sw); // the bridge, the veths' ends and the host veth's peer go with it
                taskLinks.values().removeIf(t -> t.swtch().equals(sw));
            } else if (kind == 'x') {
                where.add(switchOf(link));
            } else if (taskLinks.containsKey(link)) {
                TaskLink t = taskLinks.remove(link);
                if (Files.exists(Path.of(InNamespace.RUN_DIR, t.netns().value()))) {
                    oneShot(Optional.of(t.netns())).apply(List.of(new DeleteLink(t.link())));
                }
            } else {
                NetnsName known = vethSwitches.remove(link);
                where.addAll(known != null ? List.of(known) : switches());
            }
        }
        Set<NetnsName> present = where.isEmpty() ? Set.of() : switches();
        for (NetnsName sw : where) {
            if (present.contains(sw)) {
                inSwitch(sw).apply(List.of(new DeleteLink(link)));
            }
        }
        oneShot(scope).apply(List.of(new DeleteLink(link)));
    }

    /**
     * The adapter for a switch, kept while the switch is the same namespace (its file under /run/netns names the same
     * namespace as when the adapter was made): an adapter that keeps a socket there (see
     * {@link NetlinkLinks#keepingSocket}) then serves every task of the network. An adapter whose switch was deleted
     * or replaced behind this one's back is closed and replaced.
     */
    private Links inSwitch(NetnsName sw) {
        Object identity = identity(sw);
        synchronized (kept) {
            Kept k = kept.get(sw);
            if (k != null && identity != null && k.identity().equals(identity)) {
                return k.links();
            }
            if (k != null) {
                kept.remove(sw);
                k.links().close();
            }
            if (identity == null) {
                return oneShot(Optional.of(sw)); // gone meanwhile: whatever it opens is closed again
            }
            Links links = inner.apply(Optional.of(sw));
            kept.put(sw, new Kept(links, identity));
            return links;
        }
    }

    /** The inner adapter for one call, closed after it (nothing kept open in the host or a vanished switch). */
    private Links oneShot(Optional<NetnsName> in) {
        return new Links() {
            @Override
            public void apply(List<LinkChange> changes) {
                Links links = inner.apply(in);
                try {
                    links.apply(changes);
                } finally {
                    links.close();
                }
            }

            @Override
            public Set<IfName> links(Optional<NetnsName> netns) {
                Links links = inner.apply(in);
                try {
                    return links.links(netns);
                } finally {
                    links.close();
                }
            }
        };
    }

    /** Closes the adapters of switches that are gone or replaced, so that no socket keeps a deleted switch alive. */
    private void sweep() {
        synchronized (kept) {
            kept.entrySet().removeIf(e -> {
                if (e.getValue().identity().equals(identity(e.getKey()))) {
                    return false;
                }
                e.getValue().links().close();
                return true;
            });
        }
    }

    /** Before a switch is deleted: its adapter is closed. */
    private void forget(NetnsName sw) {
        macvlanSwitches.remove(sw);
        synchronized (kept) {
            Kept k = kept.remove(sw);
            if (k != null) {
                k.links().close();
            }
        }
    }

    /** Closes every switch's adapter (the switches stay). */
    @Override
    public void close() {
        synchronized (kept) {
            kept.values().forEach(k -> k.links().close());
            kept.clear();
        }
    }

    /** Which namespace the switch's file names now (the nsfs inode behind the bind mount), null when it is gone. */
    private static Object identity(NetnsName sw) {
        try {
            return Files.readAttributes(Path.of(InNamespace.RUN_DIR, sw.value()), BasicFileAttributes.class).fileKey();
        } catch (java.io.IOException gone) {
            return null;
        }
    }

    private NetnsName existingSwitch(IfName bridgeOrVxlan) {
        NetnsName sw = switchOf(bridgeOrVxlan);
        if (!Files.exists(Path.of(InNamespace.RUN_DIR, sw.value()))) {
            throw new PermanentNetworkException("no switch namespace " + sw + " for " + bridgeOrVxlan + ": add its bridge first");
        }
        return sw;
    }

    private Set<NetnsName> switches() {
        Set<NetnsName> out = new LinkedHashSet<>();
        netns.list().stream().filter(n -> n.value().startsWith(switchPrefix)).forEach(out::add);
        return out;
    }

    /**
     * br_netfilter off in the switch (a namespace Shoal owns; the host's setting is untouched). Without the module
     * the files do not exist and there is nothing to turn off.
     */
    private static void bridgeNetfilterOff(NetnsName sw) {
        InNamespace.call(Optional.of(sw), () -> {
            for (String name : BRIDGE_NF_SYSCTLS) {
                Path sysctl = Path.of("/proc/sys/net/bridge", name);
                if (Files.exists(sysctl)) {
                    Files.writeString(sysctl, "0");
                }
            }
            return null;
        });
    }

    private void ip(Optional<NetnsName> in, String batch) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        in.ifPresent(ns -> argv.addAll(List.of("-n", ns.value())));
        argv.addAll(List.of("-batch", "-"));
        Command.run(argv, batch);
    }

    /**
     * The host's links and those of every switch (the same names the planner gave them). A task's macvlan is not among
     * them (it lives in the task's namespace only): reconciliation adds it again, and one that exists is kept.
     */
    @Override
    public Set<IfName> links(Optional<NetnsName> in) {
        Set<IfName> out = new LinkedHashSet<>(oneShot(scope).links(in));
        if (in.isEmpty()) {
            for (NetnsName sw : switches()) {
                inSwitch(sw).links(Optional.empty()).stream().filter(l -> naming.owns(l.value())).forEach(out::add);
            }
        }
        return out;
    }
}
