package io.shoal.net.plan;

import io.shoal.net.plan.HostNetworks.LocalEndpoint;
import io.shoal.net.plan.HostNetworks.Network;
import io.shoal.net.plan.HostNetworks.RemoteEndpoint;
import io.shoal.net.plan.LinkChange.AddBridge;
import io.shoal.net.plan.LinkChange.AddRemote;
import io.shoal.net.plan.LinkChange.AddVeth;
import io.shoal.net.plan.LinkChange.AddVxlan;
import io.shoal.net.plan.LinkChange.DeleteLink;
import io.shoal.net.plan.LinkChange.DeleteRemote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns "what the host has" and "what it should have" into an ordered change set: removals
 * first (remote entries, then veths, VXLANs, bridges), then additions (bridges, VXLANs, veths,
 * remote entries). Each item carries its parent's spec, so a network whose subnet or VNI
 * changed is removed and rebuilt with everything on it. Pure: no I/O; the only state it keeps is the items of the
 * last desired state it planned (immutable, as HostNetworks is), so that the next plan, which starts from what was
 * applied, does not derive them again.
 */
public final class NetworkPlanner {

    /** Docker's overlay MTU: a 1500-byte underlay less VXLAN's 50 bytes of headers. */
    public static final int DEFAULT_OVERLAY_MTU = 1450;
    private static final int BRIDGE_MTU = 1500;

    private final Naming naming;
    private final int overlayMtu;

    public NetworkPlanner(Naming naming) {
        this(naming, DEFAULT_OVERLAY_MTU);
    }

    /**
     * @param overlayMtu the MTU of VXLANs and of the veths on overlays (underlay MTU − 50); a task
     *        whose veth is larger than its VXLAN loses every full-size packet across hosts
     */
    public NetworkPlanner(Naming naming, int overlayMtu) {
        if (overlayMtu < 576 || overlayMtu > 9000) {
            throw new IllegalArgumentException("overlay MTU out of range: " + overlayMtu);
        }
        this.naming = naming;
        this.overlayMtu = overlayMtu;
    }

    public List<LinkChange> plan(HostNetworks current, HostNetworks desired) {
        Items before = itemsOf(current);
        Items after = itemsOf(desired);
        last = new Remembered(desired, after);
        // A bridge re-created under the same name (its address changed: a node's ingress address) loses what was
        // enslaved to it, and a re-created VXLAN loses its entries: those are deleted and added again with it.
        Set<IfName> rebuilt = new HashSet<>();
        removed(before.bridges, after.bridges).stream().filter(b -> after.bridges.stream().anyMatch(a -> a.bridge().equals(b.bridge())))
                .forEach(b -> rebuilt.add(b.bridge()));
        Set<AddVxlan> keptVxlans = kept(before.vxlans, after.vxlans, v -> !rebuilt.contains(v.bridge()));
        Set<AddVeth> keptVeths = kept(before.veths, after.veths, v -> !rebuilt.contains(v.bridge()));
        List<LinkChange> changes = new ArrayList<>();
        for (AddRemote remote : before.remotes) {
            if (!after.remotes.contains(remote) && keptVxlans.stream().anyMatch(v -> v.vxlan().equals(remote.vxlan()))) {
                changes.add(new DeleteRemote(remote.vxlan(), remote.address(), remote.mac(), remote.host()));
            }
        }
        removed(before.veths, keptVeths).forEach(v -> changes.add(new DeleteLink(v.hostSide())));
        removed(before.vxlans, keptVxlans).forEach(v -> changes.add(new DeleteLink(v.vxlan())));
        removed(before.bridges, after.bridges).forEach(b -> changes.add(new DeleteLink(b.bridge())));
        changes.addAll(removed(after.bridges, before.bridges));
        List<AddVxlan> addedVxlans = removed(after.vxlans, keptVxlans);
        changes.addAll(addedVxlans);
        changes.addAll(removed(after.veths, keptVeths));
        after.remotes.stream().filter(r -> !before.remotes.contains(r) || addedVxlans.stream().anyMatch(v -> v.vxlan().equals(r.vxlan())))
                .forEach(changes::add);
        return changes;
    }

    /** The items in both {@code before} and {@code after} that stay as they are. */
    private static <T> Set<T> kept(Set<T> before, Set<T> after, java.util.function.Predicate<T> untouched) {
        Set<T> out = new LinkedHashSet<>();
        before.stream().filter(after::contains).filter(untouched).forEach(out::add);
        return out;
    }

    /**
     * After a restart, when what was applied is not known: from the links the host has now,
     * the changes that make it match {@code desired}. Links of this naming that are not desired
     * are deleted (nothing leaked); missing bridges, VXLANs and veths are added, each with the
     * entries below it (nothing missing); remote entries are re-pushed ("replace" is idempotent).
     * A link that exists with other settings is not detected: delete the network to rebuild it.
     */
    public List<LinkChange> reconcile(Set<IfName> present, HostNetworks desired) {
        Items after = items(desired);
        Set<IfName> wanted = new HashSet<>();
        after.bridges.forEach(b -> wanted.add(b.bridge()));
        after.vxlans.forEach(v -> wanted.add(v.vxlan()));
        after.veths.forEach(v -> wanted.add(v.hostSide()));
        List<LinkChange> changes = new ArrayList<>();
        present.stream().filter(link -> naming.owns(link.value()) && !wanted.contains(link)).sorted(
                Comparator.comparing((IfName link) -> "vxb".indexOf(link.value().charAt(naming.prefix().length())))
                        .thenComparing(IfName::value))
                .forEach(link -> changes.add(new DeleteLink(link)));
        after.bridges.stream().filter(b -> !present.contains(b.bridge())).forEach(changes::add);
        after.vxlans.stream().filter(v -> !present.contains(v.vxlan())).forEach(changes::add);
        after.veths.stream().filter(v -> !present.contains(v.hostSide())).forEach(changes::add);
        changes.addAll(after.remotes);
        return changes;
    }

    private static <T> List<T> removed(Set<T> from, Set<T> still) {
        return from.stream().filter(item -> !still.contains(item)).toList();
    }

    /** The items of the last desired state planned: the next plan starts from it (it is what was applied). */
    private record Remembered(HostNetworks host, Items items) {}

    private volatile Remembered last;

    /** The items of a state; those of the last one planned are not derived again (the same instance). */
    private Items itemsOf(HostNetworks host) {
        Remembered r = last;
        return r != null && r.host() == host ? r.items() : items(host);
    }

    private Items items(HostNetworks host) {
        Items items = new Items();
        for (Network network : host.networks()) {
            IfName bridge = naming.bridge(network.networkId());
            AddBridge bridgeItem = new AddBridge(bridge, network.bridgeAddress(), network.subnet().prefix());
            items.bridges.add(bridgeItem);
            IfName vxlan = naming.vxlan(network.networkId());
            int mtu = network.vni().isPresent() ? overlayMtu : BRIDGE_MTU;
            if (network.vni().isPresent()) {
                items.vxlans.add(new AddVxlan(vxlan, network.vni().getAsInt(), host.underlay(), bridge, mtu));
                for (RemoteEndpoint remote : network.remote()) {
                    items.remotes.add(new AddRemote(vxlan, remote.address(), Mac.of(remote.address()), remote.host()));
                }
            }
            for (LocalEndpoint local : network.local()) {
                items.veths.add(new AddVeth(naming.veth(network.networkId(), local.attachmentId()), bridge, local.netns(),
                        local.ifName(), Mac.of(local.address()), local.address(), network.subnet().prefix(),
                        network.bridgeAddress(), !network.internal(), mtu));
            }
        }
        return items;
    }

    private static final class Items {
        final Set<AddBridge> bridges = new LinkedHashSet<>();
        final Set<AddVxlan> vxlans = new LinkedHashSet<>();
        final Set<AddVeth> veths = new LinkedHashSet<>();
        final Set<AddRemote> remotes = new LinkedHashSet<>();
    }
}
