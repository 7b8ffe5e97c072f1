package io.shoal.net.linux;

import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.Mac;

/**
 * The rtnetlink requests (linux/rtnetlink.h, if_link.h, veth.h) for a task's attachment, each equal to what the
 * matching {@code ip} command sends. Every value comes from a validated record, and names travel as attributes,
 * never parsed by anything. All ask for an acknowledgement (NLM_F_ACK).
 */
final class RtnetlinkRequests {

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_NEWROUTE = 24;

    static final int IFF_UP = 0x1;
    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_LINK = 5;
    static final int IFLA_MTU = 4;
    static final int IFLA_MASTER = 10;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_NET_NS_FD = 28;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int VETH_INFO_PEER = 1;
    static final int IFLA_MACVLAN_MODE = 1;
    static final int MACVLAN_MODE_BRIDGE = 4;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int AF_INET = 2;
    static final int RT_TABLE_MAIN = 254;
    static final int RTPROT_BOOT = 3;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RTN_UNICAST = 1;

    private static final short ACKED = NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK;

    private RtnetlinkRequests() {}

    /**
     * {@code ip link add name HOST mtu M master BRIDGE up type veth peer name PEER mtu M address MAC netns NS}:
     * the pair, the host side enslaved and up, the peer created directly in the namespace behind {@code netnsFd},
     * with its MAC (set up afterwards from inside the namespace).
     */
    static byte[] addVeth(int seq, IfName hostSide, int bridgeIndex, IfName peer, Mac mac, int mtu, int netnsFd) {
        return new NetlinkMessage(RTM_NEWLINK, ACKED | NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL, seq)
                .ifinfomsg(0, IFF_UP, IFF_UP)
                .attrString(IFLA_IFNAME, hostSide.value())
                .attrU32(IFLA_MTU, mtu)
                .attrU32(IFLA_MASTER, bridgeIndex)
                .begin(IFLA_LINKINFO)
                .attrString(IFLA_INFO_KIND, "veth")
                .begin(IFLA_INFO_DATA)
                .begin(VETH_INFO_PEER)
                .ifinfomsg(0, 0, 0) // not up here: veth_open refuses (ENOTCONN) while the pair is half made
                .attrString(IFLA_IFNAME, peer.value())
                .attrU32(IFLA_MTU, mtu)
                .attr(IFLA_ADDRESS, macBytes(mac))
                .attrU32(IFLA_NET_NS_FD, netnsFd)
                .end()
                .end()
                .end()
                .finish();
    }

    /**
     * {@code ip link add link LOWER name NAME address MAC netns NS type macvlan mode bridge}: made straight in the
     * namespace behind {@code netnsFd}, on the lower device of this one (found by its index here); not up yet, and
     * with the lower's MTU.
     */
    static byte[] addMacvlan(int seq, IfName name, int lowerIndex, Mac mac, int netnsFd) {
        return new NetlinkMessage(RTM_NEWLINK, ACKED | NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL, seq)
                .ifinfomsg(0, 0, 0)
                .attrString(IFLA_IFNAME, name.value())
                .attrU32(IFLA_LINK, lowerIndex)
                .attr(IFLA_ADDRESS, macBytes(mac))
                .attrU32(IFLA_NET_NS_FD, netnsFd)
                .begin(IFLA_LINKINFO)
                .attrString(IFLA_INFO_KIND, "macvlan")
                .begin(IFLA_INFO_DATA)
                .attrU32(IFLA_MACVLAN_MODE, MACVLAN_MODE_BRIDGE)
                .end()
                .end()
                .finish();
    }

    /** {@code ip link set NAME up}, the link found by name. */
    static byte[] setUp(int seq, IfName link) {
        return new NetlinkMessage(RTM_NEWLINK, ACKED, seq).ifinfomsg(0, IFF_UP, IFF_UP)
                .attrString(IFLA_IFNAME, link.value()).finish();
    }

    /** {@code ip link del NAME}. */
    static byte[] deleteLink(int seq, IfName link) {
        return new NetlinkMessage(RTM_DELLINK, ACKED, seq).ifinfomsg(0, 0, 0).attrString(IFLA_IFNAME, link.value()).finish();
    }

    /** {@code ip link show NAME}: the answer is an RTM_NEWLINK whose ifinfomsg carries the index. */
    static byte[] getLink(int seq, IfName link) {
        return new NetlinkMessage(RTM_GETLINK, ACKED, seq).ifinfomsg(0, 0, 0).attrString(IFLA_IFNAME, link.value()).finish();
    }

    /** {@code ip addr add A/P dev INDEX} (scope global, no broadcast, as ip does without {@code brd}). */
    static byte[] addAddress(int seq, int index, Ipv4 address, int prefix) {
        return new NetlinkMessage(RTM_NEWADDR, ACKED | NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL, seq)
                .u8(AF_INET).u8(prefix).u8(0).u8(RT_SCOPE_UNIVERSE).u32(index)
                .attr(IFA_LOCAL, address.octets())
                .attr(IFA_ADDRESS, address.octets())
                .finish();
    }

    /** {@code ip route replace default via GW dev INDEX}. */
    static byte[] replaceDefaultRoute(int seq, int index, Ipv4 gateway) {
        return new NetlinkMessage(RTM_NEWROUTE, ACKED | NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_REPLACE, seq)
                .u8(AF_INET).u8(0).u8(0).u8(0).u8(RT_TABLE_MAIN).u8(RTPROT_BOOT).u8(RT_SCOPE_UNIVERSE).u8(RTN_UNICAST).u32(0)
                .attr(RTA_GATEWAY, gateway.octets())
                .attrU32(RTA_OIF, index)
                .finish();
    }

    static byte[] macBytes(Mac mac) {
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (mac.bits() >>> (40 - 8 * i));
        }
        return bytes;
    }
}
