package io.shoal.net.host;

import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.NetnsName;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory host: links per namespace, with the kernel's rules the contract checks. */
public final class FakeLinks implements Links {

    private final Map<Optional<NetnsName>, Set<IfName>> links = new LinkedHashMap<>();
    private final Map<IfName, NetnsName> vethPeers = new LinkedHashMap<>();
    private final Map<IfName, Set<String>> remoteEntries = new LinkedHashMap<>();
    private int batchesApplied;

    @Override
    public void apply(List<LinkChange> changes) {
        batchesApplied++;
        for (LinkChange change : changes) {
            if (change instanceof LinkChange.AddBridge b) {
                add(Optional.empty(), b.bridge());
            } else if (change instanceof LinkChange.AddVxlan v) {
                requirePresent(v.bridge());
                add(Optional.empty(), v.vxlan());
            } else if (change instanceof LinkChange.AddVeth v) {
                requirePresent(v.bridge());
                add(Optional.of(v.netns()), v.peer());
                add(Optional.empty(), v.hostSide());
                vethPeers.put(v.hostSide(), v.netns());
            } else if (change instanceof LinkChange.DeleteLink d) {
                ns(Optional.empty()).remove(d.link());
                remoteEntries.remove(d.link());
                NetnsName peerNs = vethPeers.remove(d.link());
                if (peerNs != null) {
                    ns(Optional.of(peerNs)).clear();
                }
            } else if (change instanceof LinkChange.AddRemote r) {
                requirePresent(r.vxlan());
                remoteEntries.computeIfAbsent(r.vxlan(), k -> new LinkedHashSet<>()).add(r.address() + "@" + r.host());
            } else if (change instanceof LinkChange.DeleteRemote r) {
                Set<String> entries = remoteEntries.get(r.vxlan());
                if (entries != null) {
                    entries.remove(r.address() + "@" + r.host());
                }
            }
        }
    }

    @Override
    public Set<IfName> links(Optional<NetnsName> netns) {
        return Set.copyOf(ns(netns));
    }

    /** "address@host" entries on a VXLAN, for tests of what was pushed. */
    public Set<String> remoteEntries(IfName vxlan) {
        return Set.copyOf(remoteEntries.getOrDefault(vxlan, Set.of()));
    }

    public int batchesApplied() {
        return batchesApplied;
    }

    private Set<IfName> ns(Optional<NetnsName> netns) {
        return links.computeIfAbsent(netns, k -> new LinkedHashSet<>());
    }

    private void add(Optional<NetnsName> netns, IfName name) {
        if (!ns(netns).add(name)) {
            throw new PermanentNetworkException("RTNETLINK answers: File exists: " + name);
        }
    }

    private void requirePresent(IfName name) {
        if (!ns(Optional.empty()).contains(name)) {
            throw new PermanentNetworkException("Cannot find device " + name);
        }
    }
}
