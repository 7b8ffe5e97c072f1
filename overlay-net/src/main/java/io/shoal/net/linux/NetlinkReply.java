package io.shoal.net.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message the kernel sent back: its type, sequence number and body. An {@code NLMSG_ERROR} body holds the
 * (negated) errno, 0 for an acknowledgement, and with extended acks (NETLINK_EXT_ACK) the kernel's own text.
 */
record NetlinkReply(int type, int flags, int seq, byte[] body) {

    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    private static final int NLM_F_CAPPED = 0x100;
    private static final int NLM_F_ACK_TLVS = 0x200;
    private static final int NLMSGERR_ATTR_MSG = 1;

    /** Splits one datagram into its messages. */
    static List<NetlinkReply> parse(byte[] datagram, int length) {
        ByteBuffer in = ByteBuffer.wrap(datagram, 0, length).order(ByteOrder.nativeOrder());
        List<NetlinkReply> replies = new ArrayList<>();
        while (in.remaining() >= NetlinkMessage.HEADER) {
            int start = in.position();
            int len = in.getInt();
            if (len < NetlinkMessage.HEADER || start + len > length) {
                throw new IllegalArgumentException("truncated netlink message: length " + len + " at " + start);
            }
            int type = Short.toUnsignedInt(in.getShort());
            int flags = Short.toUnsignedInt(in.getShort());
            int seq = in.getInt();
            in.getInt();
            byte[] body = new byte[len - NetlinkMessage.HEADER];
            in.get(body);
            replies.add(new NetlinkReply(type, flags, seq, body));
            in.position(Math.min(length, start + ((len + 3) & ~3)));
        }
        return replies;
    }

    boolean isError() {
        return type == NLMSG_ERROR;
    }

    /** For an NLMSG_ERROR: the errno (positive), 0 for an acknowledgement. */
    int errno() {
        return -ByteBuffer.wrap(body).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** For an NLMSG_ERROR with extended ack: the kernel's message (NLMSGERR_ATTR_MSG). */
    Optional<String> kernelMessage() {
        if ((flags & NLM_F_ACK_TLVS) == 0) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.nativeOrder());
        int echoed = in.getInt(4);
        // error code, then the request's header (capped) or the whole request
        int at = 4 + ((flags & NLM_F_CAPPED) != 0 ? NetlinkMessage.HEADER : (echoed + 3) & ~3);
        while (at + 4 <= body.length) {
            int len = Short.toUnsignedInt(in.getShort(at));
            int type = Short.toUnsignedInt(in.getShort(at + 2)) & 0x3fff;
            if (len < 4 || at + len > body.length) {
                break;
            }
            if (type == NLMSGERR_ATTR_MSG) {
                int end = at + len;
                while (end > at + 4 && body[end - 1] == 0) {
                    end--;
                }
                return Optional.of(new String(body, at + 4, end - at - 4, StandardCharsets.US_ASCII));
            }
            at += (len + 3) & ~3;
        }
        return Optional.empty();
    }

    /** For an RTM_NEWLINK: the interface index from its ifinfomsg. */
    int linkIndex() {
        return ByteBuffer.wrap(body).order(ByteOrder.nativeOrder()).getInt(4);
    }
}
