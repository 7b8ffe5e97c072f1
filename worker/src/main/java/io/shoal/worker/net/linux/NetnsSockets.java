package io.shoal.worker.net.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.shoal.net.plan.NetnsName;
import io.shoal.worker.net.HostSockets;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link HostSockets} inside a named network namespace ({@code /run/netns/NAME}): the opener runs on a fresh
 * thread that first joins the namespace with setns(2) (a per-thread attribute, so the daemon's other threads
 * are untouched) and then ends. Sockets it opens, and threads it starts, belong to that namespace.
 */
public final class NetnsSockets implements HostSockets {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final NetnsName netns;

    public NetnsSockets(NetnsName netns) {
        this.netns = netns;
    }

    @Override
    public <T> T open(Callable<T> opener) throws IOException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                int fd = LibC.INSTANCE.open("/run/netns/" + netns.value(), O_RDONLY);
                try {
                    LibC.INSTANCE.setns(fd, CLONE_NEWNET);
                } finally {
                    LibC.INSTANCE.close(fd);
                }
                result.set(opener.call());
            } catch (LastErrorException e) {
                failure.set(new IOException("joining network namespace " + netns + ": errno " + e.getErrorCode(), e));
            } catch (Exception e) {
                failure.set(e);
            }
        }, "shoal-netns-" + netns.value());
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted opening sockets in " + netns, e);
        }
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        } else if (e instanceof RuntimeException r) {
            throw r;
        } else if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
        return result.get();
    }
}
