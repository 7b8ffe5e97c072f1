package io.shoal.net.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes one netlink message (linux/netlink.h): a 16-byte {@code nlmsghdr}, a fixed family header, then
 * attributes ({@code nlattr}: length, type, payload padded to 4 bytes), which may nest. Host byte order, as the
 * kernel expects; addresses are written as their network-order bytes. The length fields are filled in by
 * {@link #end()} and {@link #finish()}.
 */
final class NetlinkMessage {

    static final int HEADER = 16;
    static final short NLM_F_REQUEST = 0x1;
    static final short NLM_F_ACK = 0x4;
    static final short NLM_F_REPLACE = 0x100;
    static final short NLM_F_EXCL = 0x200;
    static final short NLM_F_CREATE = 0x400;

    private final ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    private final Deque<Integer> open = new ArrayDeque<>();

    NetlinkMessage(int type, int flags, int seq) {
        buffer.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
    }

    NetlinkMessage u8(int value) {
        buffer.put((byte) value);
        return this;
    }

    NetlinkMessage u16(int value) {
        buffer.putShort((short) value);
        return this;
    }

    NetlinkMessage u32(int value) {
        buffer.putInt(value);
        return this;
    }

    NetlinkMessage bytes(byte[] value) {
        buffer.put(value);
        return this;
    }

    /** struct ifinfomsg (16 bytes). */
    NetlinkMessage ifinfomsg(int index, int flags, int change) {
        return u8(0).u8(0).u16(0).u32(index).u32(flags).u32(change);
    }

    NetlinkMessage attr(int type, byte[] payload) {
        buffer.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
        pad();
        return this;
    }

    NetlinkMessage attrU32(int type, int value) {
        return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** A NUL-terminated string attribute (IFLA_IFNAME, IFLA_INFO_KIND). */
    NetlinkMessage attrString(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[text.length + 1];
        System.arraycopy(text, 0, payload, 0, text.length);
        return attr(type, payload);
    }

    /** Opens a nested attribute; its fixed header (if any) and attributes follow until {@link #end()}. */
    NetlinkMessage begin(int type) {
        open.push(buffer.position());
        buffer.putShort((short) 0).putShort((short) type);
        return this;
    }

    NetlinkMessage end() {
        int start = open.pop();
        buffer.putShort(start, (short) (buffer.position() - start));
        pad();
        return this;
    }

    byte[] finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        buffer.putInt(0, buffer.position());
        byte[] out = new byte[buffer.position()];
        buffer.flip();
        buffer.get(out);
        return out;
    }

    private void pad() {
        while (buffer.position() % 4 != 0) {
            buffer.put((byte) 0);
        }
    }
}
