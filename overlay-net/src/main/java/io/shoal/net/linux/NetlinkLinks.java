package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.Links;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
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
 * {@link Links} for the hot path without processes: a task's veth pair, its address, default route and {@code lo},
 * and link removals, go over rtnetlink in-process (one socket in the host namespace, or in the network's switch, kept
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
    /** With {@link #keepingSocket}: bridge indexes found through the kept socket (a bridge keeps its index). */
    private final Map<IfName, Integer> bridges = new HashMap<>();

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
        bridges.clear();
    }

    @Override
    public synchronized void apply(List<LinkChange> changes) {
        List<LinkChange> pending = new ArrayList<>();
        NetlinkSocket host = keep ? kept : null;
        try {
            for (LinkChange change : changes) {
                if (!(change instanceof AddVeth) && !(change instanceof DeleteLink)) {
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
                } else {
                    deleteLink(host, ((DeleteLink) change).link());
                }
            }
            if (!pending.isEmpty()) {
                batch.apply(pending);
            }
        } catch (RuntimeException e) {
            bridges.clear(); // whatever failed, look the bridges up again next time
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
        Integer known = keep ? bridges.get(v.bridge()) : null;
        int bridge = known != null ? known : index(host, v.bridge());
        if (keep) {
            bridges.put(v.bridge(), bridge);
        }
        int nsFd;
        try {
            nsFd = Syscalls.INSTANCE.open(InNamespace.RUN_DIR + "/" + v.netns().value(), Syscalls.O_RDONLY | Syscalls.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new PermanentNetworkException("network namespace " + v.netns() + " cannot be opened: errno " + e.getErrorCode());
        }
        try {
            host.request("link add " + v.hostSide() + " type veth peer name " + v.peer() + " netns " + v.netns(),
                    RtnetlinkRequests.addVeth(host.nextSeq(), v.hostSide(), bridge, v.peer(), v.mac(), v.mtu(), nsFd));
        } finally {
            Syscalls.INSTANCE.close(nsFd);
        }
        try (NetlinkSocket task = NetlinkSocket.open(Optional.of(v.netns()))) {
            int peer = index(task, v.peer());
            // The rest in one round trip, in this order (the route needs the address and the link up).
            List<NetlinkSocket.Request> rest = new ArrayList<>();
            rest.add(task.next("addr add " + v.address() + "/" + v.prefix() + " dev " + v.peer(),
                    seq -> RtnetlinkRequests.addAddress(seq, peer, v.address(), v.prefix())));
            rest.add(task.next("link set lo up", seq -> RtnetlinkRequests.setUp(seq, new IfName("lo"))));
            rest.add(task.next("link set " + v.peer() + " up", seq -> RtnetlinkRequests.setUp(seq, v.peer())));
            if (v.defaultRoute()) {
                rest.add(task.next("route replace default via " + v.gateway() + " dev " + v.peer(),
                        seq -> RtnetlinkRequests.replaceDefaultRoute(seq, peer, v.gateway())));
            }
            task.requestAll(rest);
        }
    }

    /** Like {@code ip -force link del}: a link already gone, or any refusal, is not an error. */
    private void deleteLink(NetlinkSocket host, IfName link) {
        bridges.remove(link);
        try {
            host.request("link del " + link, RtnetlinkRequests.deleteLink(host.nextSeq(), link));
        } catch (NetlinkSocket.Refused alreadyGone) {
            // best effort, as the ip -force batch of removals
        }
    }

    private static int index(NetlinkSocket socket, IfName link) {
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
