package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.plan.NetnsName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An rtnetlink socket (AF_NETLINK, NETLINK_ROUTE) bound to the network namespace it was opened in, used from any
 * thread afterwards. One request at a time: {@link #request} sends it and reads up to its acknowledgement.
 * Not thread-safe; the adapters use one per batch of changes.
 */
final class NetlinkSocket implements AutoCloseable {

    /** A request the kernel refused, with its errno. */
    static final class Refused extends PermanentNetworkException {
        private static final long serialVersionUID = 1L;
        final int errno;

        Refused(String what, int errno, Optional<String> message) {
            super(what + ": errno " + errno + message.map(m -> " (" + m + ")").orElse(""));
            this.errno = errno;
        }
    }

    private final int fd;
    private final Optional<NetnsName> netns;
    private final byte[] buffer = new byte[32 * 1024];
    private int seq;

    private NetlinkSocket(int fd, Optional<NetnsName> netns) {
        this.fd = fd;
        this.netns = netns;
    }

    /** Opens a socket in the namespace (empty: the caller's). */
    static NetlinkSocket open(Optional<NetnsName> netns) {
        return InNamespace.call(netns, () -> {
            int fd;
            try {
                fd = Syscalls.INSTANCE.socket(Syscalls.AF_NETLINK, Syscalls.SOCK_RAW | Syscalls.SOCK_CLOEXEC, Syscalls.NETLINK_ROUTE);
            } catch (LastErrorException e) {
                throw new TransientNetworkException("cannot open a netlink socket: errno " + e.getErrorCode(), e);
            }
            try {
                Syscalls.INSTANCE.setsockopt(fd, Syscalls.SOL_NETLINK, Syscalls.NETLINK_EXT_ACK, new int[] {1}, 4);
                Syscalls.INSTANCE.setsockopt(fd, Syscalls.SOL_NETLINK, Syscalls.NETLINK_CAP_ACK, new int[] {1}, 4);
            } catch (LastErrorException olderKernel) {
                // plain acks are enough
            }
            return new NetlinkSocket(fd, netns);
        });
    }

    int nextSeq() {
        return ++seq;
    }

    /**
     * Sends one request (built with {@link #nextSeq()}) and returns the messages before its acknowledgement;
     * a refusal throws {@link Refused}.
     */
    List<NetlinkReply> request(String what, byte[] message) {
        int expected = seq;
        try {
            Syscalls.INSTANCE.send(fd, message, message.length, 0);
        } catch (LastErrorException e) {
            throw new TransientNetworkException(what + ": netlink send failed: errno " + e.getErrorCode(), e);
        }
        List<NetlinkReply> before = new ArrayList<>();
        while (true) {
            long n;
            try {
                n = Syscalls.INSTANCE.recv(fd, buffer, buffer.length, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Syscalls.EINTR) {
                    continue;
                }
                throw new TransientNetworkException(what + ": netlink receive failed: errno " + e.getErrorCode(), e);
            }
            for (NetlinkReply reply : NetlinkReply.parse(buffer, (int) n)) {
                if (reply.seq() != expected) {
                    continue; // a late answer to an earlier request
                }
                if (reply.isError()) {
                    if (reply.errno() != 0) {
                        throw new Refused(what + netns.map(ns -> " in " + ns).orElse(""), reply.errno(), reply.kernelMessage());
                    }
                    return before;
                }
                if (reply.type() == NetlinkReply.NLMSG_DONE) {
                    return before;
                }
                before.add(reply);
            }
        }
    }

    @Override
    public void close() {
        try {
            Syscalls.INSTANCE.close(fd);
        } catch (LastErrorException ignored) {
            // nothing to do about a failed close
        }
    }
}
