package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.Mac;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rtnetlink encoding, checked field by field against the layouts of linux/netlink.h and rtnetlink.h. */
class RtnetlinkRequestsTest {

    private static ByteBuffer le(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.nativeOrder());
    }

    /** The attributes from {@code offset} to {@code end}: type → payload. */
    private static Map<Integer, byte[]> attrs(byte[] m, int offset, int end) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        ByteBuffer in = le(m);
        int at = offset;
        while (at < end) {
            int len = Short.toUnsignedInt(in.getShort(at));
            int type = Short.toUnsignedInt(in.getShort(at + 2));
            assertThat(len).isGreaterThanOrEqualTo(4);
            byte[] payload = new byte[len - 4];
            System.arraycopy(m, at + 4, payload, 0, payload.length);
            out.put(type, payload);
            at += (len + 3) & ~3;
        }
        assertThat(at).isEqualTo(end);
        return out;
    }

    private static String text(byte[] payload) {
        assertThat(payload[payload.length - 1]).isZero();
        return new String(payload, 0, payload.length - 1, StandardCharsets.US_ASCII);
    }

    private static int u32(byte[] payload) {
        assertThat(payload).hasSize(4);
        return le(payload).getInt(0);
    }

    @Test
    void deleteLinkIsAHeaderAnIfinfomsgAndANulTerminatedPaddedName() {
        byte[] m = RtnetlinkRequests.deleteLink(7, new IfName("eth0"));
        ByteBuffer in = le(m);
        assertThat(m).as("9-byte attribute padded to 12").hasSize(16 + 16 + 12);
        assertThat(in.getInt(0)).isEqualTo(m.length);
        assertThat(in.getShort(4)).isEqualTo((short) RtnetlinkRequests.RTM_DELLINK);
        assertThat(in.getShort(6)).isEqualTo((short) (NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK));
        assertThat(in.getInt(8)).isEqualTo(7);
        assertThat(in.getInt(12)).isZero();
        assertThat(in.getInt(20)).as("ifi_index: found by name").isZero();
        assertThat(le(m).getShort(32)).as("nla_len: 4 + 'eth0\\0', before padding").isEqualTo((short) 9);
        assertThat(text(attrs(m, 32, m.length).get(RtnetlinkRequests.IFLA_IFNAME))).isEqualTo("eth0");
        assertThat(m[41]).as("padding").isZero();
    }

    @Test
    void addVethNestsThePeerWithItsOwnIfinfomsgInsideLinkinfo() {
        Mac mac = Mac.of(Ipv4.of("10.91.0.5"));
        byte[] m = RtnetlinkRequests.addVeth(3, new IfName("sna-h0"), 42, new IfName("eth0"), mac, 1450, 99);
        ByteBuffer in = le(m);
        assertThat(in.getInt(0)).isEqualTo(m.length);
        assertThat(in.getShort(4)).isEqualTo((short) RtnetlinkRequests.RTM_NEWLINK);
        assertThat(in.getShort(6)).isEqualTo((short) (NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK
                | NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL));
        assertThat(in.getInt(24)).as("ifi_flags").isEqualTo(RtnetlinkRequests.IFF_UP);
        assertThat(in.getInt(28)).as("ifi_change").isEqualTo(RtnetlinkRequests.IFF_UP);

        Map<Integer, byte[]> top = attrs(m, 32, m.length);
        assertThat(text(top.get(RtnetlinkRequests.IFLA_IFNAME))).isEqualTo("sna-h0");
        assertThat(u32(top.get(RtnetlinkRequests.IFLA_MTU))).isEqualTo(1450);
        assertThat(u32(top.get(RtnetlinkRequests.IFLA_MASTER))).isEqualTo(42);
        byte[] linkinfo = top.get(RtnetlinkRequests.IFLA_LINKINFO);
        Map<Integer, byte[]> info = attrs(linkinfo, 0, linkinfo.length);
        assertThat(text(info.get(RtnetlinkRequests.IFLA_INFO_KIND))).isEqualTo("veth");
        byte[] data = info.get(RtnetlinkRequests.IFLA_INFO_DATA);
        byte[] peer = attrs(data, 0, data.length).get(RtnetlinkRequests.VETH_INFO_PEER);
        assertThat(le(peer).getInt(8)).as("peer ifi_flags: the kernel cannot open a half-made pair").isZero();
        Map<Integer, byte[]> peerAttrs = attrs(peer, 16, peer.length);
        assertThat(text(peerAttrs.get(RtnetlinkRequests.IFLA_IFNAME))).isEqualTo("eth0");
        assertThat(u32(peerAttrs.get(RtnetlinkRequests.IFLA_MTU))).isEqualTo(1450);
        assertThat(u32(peerAttrs.get(RtnetlinkRequests.IFLA_NET_NS_FD))).isEqualTo(99);
        assertThat(peerAttrs.get(RtnetlinkRequests.IFLA_ADDRESS)).containsExactly(0x02, 0x42, 10, 91, 0, 5);
    }

    @Test
    void addAddressCarriesPrefixIndexAndTheAddressInNetworkOrder() {
        byte[] m = RtnetlinkRequests.addAddress(1, 5, Ipv4.of("10.91.1.2"), 24);
        ByteBuffer in = le(m);
        assertThat(in.getShort(4)).isEqualTo((short) RtnetlinkRequests.RTM_NEWADDR);
        assertThat(m[16]).isEqualTo((byte) RtnetlinkRequests.AF_INET);
        assertThat(m[17]).isEqualTo((byte) 24);
        assertThat(in.getInt(20)).isEqualTo(5);
        Map<Integer, byte[]> a = attrs(m, 24, m.length);
        assertThat(a.get(RtnetlinkRequests.IFA_LOCAL)).containsExactly(10, 91, 1, 2);
        assertThat(a.get(RtnetlinkRequests.IFA_ADDRESS)).containsExactly(10, 91, 1, 2);
    }

    @Test
    void theDefaultRouteReplacesInTheMainTableThroughTheGateway() {
        byte[] m = RtnetlinkRequests.replaceDefaultRoute(1, 5, Ipv4.of("10.91.1.1"));
        ByteBuffer in = le(m);
        assertThat(in.getShort(6) & NetlinkMessage.NLM_F_REPLACE).isNotZero();
        assertThat(m[16]).isEqualTo((byte) RtnetlinkRequests.AF_INET);
        assertThat(m[17]).as("dst_len 0: default").isZero();
        assertThat(m[20]).isEqualTo((byte) RtnetlinkRequests.RT_TABLE_MAIN);
        assertThat(m[21]).isEqualTo((byte) RtnetlinkRequests.RTPROT_BOOT);
        assertThat(m[23]).isEqualTo((byte) RtnetlinkRequests.RTN_UNICAST);
        Map<Integer, byte[]> a = attrs(m, 28, m.length);
        assertThat(a.get(RtnetlinkRequests.RTA_GATEWAY)).containsExactly(10, 91, 1, 1);
        assertThat(u32(a.get(RtnetlinkRequests.RTA_OIF))).isEqualTo(5);
    }

    @Test
    void anUnclosedNestIsABug() {
        assertThatThrownBy(() -> new NetlinkMessage(16, 1, 1).ifinfomsg(0, 0, 0).begin(18).finish())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErrorReplyGivesTheErrnoAndTheKernelsExtendedAckText() {
        byte[] text = "Device exists\0".getBytes(StandardCharsets.US_ASCII);
        int attrLen = 4 + text.length;
        int len = 16 + 4 + 16 + ((attrLen + 3) & ~3);
        ByteBuffer out = ByteBuffer.allocate(len + 16).order(ByteOrder.nativeOrder());
        out.putInt(len).putShort((short) NetlinkReply.NLMSG_ERROR).putShort((short) (0x100 | 0x200)).putInt(9).putInt(0);
        out.putInt(-17).putInt(40).putShort((short) 16).putShort((short) 0).putInt(9).putInt(0);
        out.putShort((short) attrLen).putShort((short) 1).put(text);
        while (out.position() % 4 != 0) {
            out.put((byte) 0);
        }
        out.putInt(16).putShort((short) NetlinkReply.NLMSG_DONE).putShort((short) 0).putInt(10).putInt(0);

        var replies = NetlinkReply.parse(out.array(), out.position());
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).isError()).isTrue();
        assertThat(replies.get(0).seq()).isEqualTo(9);
        assertThat(replies.get(0).errno()).isEqualTo(17);
        assertThat(replies.get(0).kernelMessage()).contains("Device exists");
        assertThat(replies.get(1).type()).isEqualTo(NetlinkReply.NLMSG_DONE);
    }

    @Test
    void aTruncatedDatagramIsRejected() {
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        out.putInt(64).putShort((short) 2).putShort((short) 0).putInt(1).putInt(0);
        assertThatThrownBy(() -> NetlinkReply.parse(out.array(), 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
