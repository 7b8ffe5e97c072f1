package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.plan.NetnsName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * An rtnetlink socket (AF_NETLINK, NETLINK_ROUTE) bound to the network namespace it was opened in, used from any
 * thread afterwards. {@link #request} sends one request and reads up to its acknowledgement; {@link #requestAll}
 * sends several in one datagram and reads all their acknowledgements. Not thread-safe; the adapters use one per
 * batch of changes.
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
        send(what, message);
        List<NetlinkReply> before = new ArrayList<>();
        while (true) {
            for (NetlinkReply reply : receive(what)) {
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

    private void send(String what, byte[] datagram) {
        try {
            Syscalls.INSTANCE.send(fd, datagram, datagram.length, 0);
        } catch (LastErrorException e) {
            throw new TransientNetworkException(what + ": netlink send failed: errno " + e.getErrorCode(), e);
        }
    }

    /** The messages of the next datagram the kernel sends back (a receive interrupted by a signal is retried). */
    private List<NetlinkReply> receive(String what) {
        while (true) {
            try {
                long n = Syscalls.INSTANCE.recv(fd, buffer, buffer.length, 0);
                return NetlinkReply.parse(buffer, (int) n);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Syscalls.EINTR) {
                    throw new TransientNetworkException(what + ": netlink receive failed: errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    /** One request of a {@link #requestAll} batch: what it is (for errors), its sequence number and the message. */
    record Request(String what, int seq, byte[] message) {}

    /** A request of a batch with the next sequence number, its message built for that number. */
    Request next(String what, IntFunction<byte[]> message) {
        int s = nextSeq();
        return new Request(what, s, message.apply(s));
    }

    /**
     * Sends several requests (each built with its own {@link #nextSeq()}) in one datagram and reads all their
     * acknowledgements: one round trip instead of one per request. The kernel handles the messages of a datagram in
     * order, each as if sent alone, and acknowledges each, even after one was refused; the first refusal is thrown
     * once every request has been answered. For requests that expect no data back (not dumps, not gets).
     */
    void requestAll(List<Request> requests) {
        if (requests.isEmpty()) {
            return;
        }
        java.util.Map<Integer, String> waiting = new java.util.HashMap<>();
        int length = 0;
        for (Request r : requests) {
            if (r.message().length % 4 != 0 || waiting.put(r.seq(), r.what()) != null) {
                throw new IllegalArgumentException("a batch needs aligned messages with distinct sequence numbers");
            }
            length += r.message().length;
        }
        byte[] datagram = new byte[length];
        int at = 0;
        for (Request r : requests) {
            System.arraycopy(r.message(), 0, datagram, at, r.message().length);
            at += r.message().length;
        }
        String what = requests.get(0).what() + (requests.size() > 1 ? " and " + (requests.size() - 1) + " more" : "");
        send(what, datagram);
        Refused first = null;
        int firstSeq = Integer.MAX_VALUE;
        while (!waiting.isEmpty()) {
            for (NetlinkReply reply : receive(what)) {
                String of = reply.isError() ? waiting.remove(reply.seq()) : null;
                if (of != null && reply.errno() != 0 && reply.seq() < firstSeq) {
                    first = new Refused(of + netns.map(ns -> " in " + ns).orElse(""), reply.errno(), reply.kernelMessage());
                    firstSeq = reply.seq();
                }
            }
        }
        if (first != null) {
            throw first;
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
