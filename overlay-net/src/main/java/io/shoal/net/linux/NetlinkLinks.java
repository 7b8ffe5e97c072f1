package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.Links;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.LinkChange.AddMacvlan;
import io.shoal.net.plan.LinkChange.AddVeth;
import io.shoal.net.plan.LinkChange.DeleteLink;
import io.shoal.net.plan.NetnsName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Links} for the hot path without processes: a task's veth pair (or its macvlan on an overlay's VXLAN), its
 * address, default route and {@code lo}, and link removals, go over rtnetlink in-process (one socket in the host namespace, or in the network's switch, kept
 * there with {@link #keepingSocket}; one opened from a pooled thread joined to the task's namespace ({@link
 * InNamespace}), whose address, {@code lo}, link and route requests go in one datagram; 2–3 ms here, mostly the
 * kernel's veth creation, instead of two {@code ip -batch} processes). What changes once per network
 * (bridges, VXLAN devices) or comes in bulk (neighbour and fdb entries of remote tasks) stays with
 * {@link IpBatchLinks}; the changes keep their order. {@code scope} is the namespace that plays "the host", as in
 * {@link IpBatchLinks}. The kernel's end state is the one the {@code ip -batch} adapter leaves (a root test compares
 * them). Thread-safe (one call at a time).
 */
public final class NetlinkLinks implements Links {

    private final Optional<NetnsName> scope;
    private final IpBatchLinks batch;
    private final boolean keep;
    /** With {@link #keepingSocket}: the socket in the scope, open from the first veth until {@link #close}. */
    private NetlinkSocket kept;
    /** With {@link #keepingSocket}: indexes of bridges and VXLANs found through the kept socket (a link keeps its index). */
    private final Map<IfName, Integer> indexes = new HashMap<>();
    private static final int EEXIST = 17;

    public NetlinkLinks(Optional<NetnsName> scope) {
        this(scope, false);
    }

    private NetlinkLinks(Optional<NetnsName> scope, boolean keep) {
        this.scope = scope;
        this.batch = new IpBatchLinks(scope);
        this.keep = keep;
    }

    /**
     * An adapter that keeps its socket in {@code scope} open between calls, and the indexes of the bridges it found,
     * until {@link #close()}: for a namespace whose owner closes it before the namespace goes (a network's switch, see
     * {@link SwitchNamespaceLinks}; an open socket keeps its namespace alive). Opening the socket means joining the
     * namespace on another thread, and with the bridge's lookup that was 0.5 ms of each task's attach under load.
     */
    public static NetlinkLinks keepingSocket(Optional<NetnsName> scope) {
        return new NetlinkLinks(scope, true);
    }

    @Override
    public synchronized void close() {
        if (kept != null) {
            kept.close();
            kept = null;
        }
        indexes.clear();
    }

    @Override
    public synchronized void apply(List<LinkChange> changes) {
        List<LinkChange> pending = new ArrayList<>();
        NetlinkSocket host = keep ? kept : null;
        try {
            for (LinkChange change : changes) {
                if (!(change instanceof AddVeth) && !(change instanceof AddMacvlan) && !(change instanceof DeleteLink)) {
                    pending.add(change);
                    continue;
                }
                if (!pending.isEmpty()) {
                    batch.apply(pending);
                    pending.clear();
                }
                if (host == null) {
                    host = NetlinkSocket.open(scope);
                }
                if (change instanceof AddVeth v) {
                    addVeth(host, v);
                } else if (change instanceof AddMacvlan m) {
                    addMacvlan(host, m);
                } else {
                    deleteLink(host, ((DeleteLink) change).link());
                }
            }
            if (!pending.isEmpty()) {
                batch.apply(pending);
            }
        } catch (RuntimeException e) {
            indexes.clear(); // whatever failed, look the links up again next time
            throw e;
        } finally {
            if (keep) {
                kept = host;
            } else if (host != null) {
                host.close();
            }
        }
    }

    private void addVeth(NetlinkSocket host, AddVeth v) {
        int bridge = index(host, v.bridge());
        int nsFd = openNetns(v.netns());
        try {
            host.request("link add " + v.hostSide() + " type veth peer name " + v.peer() + " netns " + v.netns(),
                    RtnetlinkRequests.addVeth(host.nextSeq(), v.hostSide(), bridge, v.peer(), v.mac(), v.mtu(), nsFd));
        } finally {
            Syscalls.INSTANCE.close(nsFd);
        }
        inside(v.netns(), v.peer(), v.address(), v.prefix(), v.gateway(), v.defaultRoute());
    }

    /**
     * A task's macvlan, made in its namespace on the VXLAN found here. One that exists already is kept as it is: a
     * restarted daemon does not see the tasks' interfaces among the host's links and adds every attachment again.
     */
    private void addMacvlan(NetlinkSocket host, AddMacvlan m) {
        int lower = index(host, m.lower());
        int nsFd = openNetns(m.netns());
        try {
            host.request("link add link " + m.lower() + " name " + m.peer() + " netns " + m.netns() + " type macvlan",
                    RtnetlinkRequests.addMacvlan(host.nextSeq(), m.peer(), lower, m.mac(), nsFd));
        } catch (NetlinkSocket.Refused e) {
            if (e.errno == EEXIST) {
                return;
            }
            throw e;
        } finally {
            Syscalls.INSTANCE.close(nsFd);
        }
        inside(m.netns(), m.peer(), m.address(), m.prefix(), m.gateway(), m.defaultRoute());
    }

    private static int openNetns(NetnsName netns) {
        try {
            return Syscalls.INSTANCE.open(InNamespace.RUN_DIR + "/" + netns.value(), Syscalls.O_RDONLY | Syscalls.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new PermanentNetworkException("network namespace " + netns + " cannot be opened: errno " + e.getErrorCode());
        }
    }

    /** The task's side once it is in its namespace: address, {@code lo}, up, route, in one round trip, in this order. */
    private static void inside(NetnsName netns, IfName link, Ipv4 address, int prefix, Ipv4 gateway, boolean defaultRoute) {
        try (NetlinkSocket task = NetlinkSocket.open(Optional.of(netns))) {
            int peer = indexOf(task, link);
            // (the route needs the address and the link up)
            List<NetlinkSocket.Request> rest = new ArrayList<>();
            rest.add(task.next("addr add " + address + "/" + prefix + " dev " + link,
                    seq -> RtnetlinkRequests.addAddress(seq, peer, address, prefix)));
            rest.add(task.next("link set lo up", seq -> RtnetlinkRequests.setUp(seq, new IfName("lo"))));
            rest.add(task.next("link set " + link + " up", seq -> RtnetlinkRequests.setUp(seq, link)));
            if (defaultRoute) {
                rest.add(task.next("route replace default via " + gateway + " dev " + link,
                        seq -> RtnetlinkRequests.replaceDefaultRoute(seq, peer, gateway)));
            }
            task.requestAll(rest);
        }
    }

    /** Like {@code ip -force link del}: a link already gone, or any refusal, is not an error. */
    private void deleteLink(NetlinkSocket host, IfName link) {
        indexes.remove(link);
        try {
            host.request("link del " + link, RtnetlinkRequests.deleteLink(host.nextSeq(), link));
        } catch (NetlinkSocket.Refused alreadyGone) {
            // best effort, as the ip -force batch of removals
        }
    }

    /** The index of a bridge or VXLAN through the host socket; kept with {@link #keepingSocket} (a link keeps it). */
    private int index(NetlinkSocket host, IfName link) {
        Integer known = keep ? indexes.get(link) : null;
        if (known != null) {
            return known;
        }
        int index = indexOf(host, link);
        if (keep) {
            indexes.put(link, index);
        }
        return index;
    }

    private static int indexOf(NetlinkSocket socket, IfName link) {
        List<NetlinkReply> replies = socket.request("link show " + link, RtnetlinkRequests.getLink(socket.nextSeq(), link));
        for (NetlinkReply reply : replies) {
            if (reply.type() == RtnetlinkRequests.RTM_NEWLINK) {
                return reply.linkIndex();
            }
        }
        throw new PermanentNetworkException("link " + link + ": no answer to RTM_GETLINK");
    }

    @Override
    public Set<IfName> links(Optional<NetnsName> netns) {
        return batch.links(netns);
    }
}
