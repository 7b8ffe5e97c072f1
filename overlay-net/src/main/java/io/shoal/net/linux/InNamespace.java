package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work inside a named network namespace: on a fresh thread that joins {@code /run/netns/NAME} with setns(2)
 * (the network namespace is a per-thread attribute) and then ends, so no thread of the daemon is ever left in a
 * task's namespace. Sockets opened there stay bound to that namespace after the thread is gone. An empty namespace
 * means the caller's own: the work runs on the calling thread.
 */
final class InNamespace {

    static final String RUN_DIR = "/run/netns";

    private InNamespace() {}

    static <T> T call(Optional<NetnsName> netns, Callable<T> work) {
        if (netns.isEmpty()) {
            return unchecked(work);
        }
        NetnsName ns = netns.get();
        return onThread("shoal-netns-" + ns.value(), () -> {
            join(ns);
            return work.call();
        });
    }

    /** Joins the namespace on the current thread (which must be one of {@link #onThread}'s). */
    static void join(NetnsName ns) {
        int fd;
        try {
            fd = Syscalls.INSTANCE.open(RUN_DIR + "/" + ns.value(), Syscalls.O_RDONLY | Syscalls.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new PermanentNetworkException("network namespace " + ns + " cannot be opened: errno " + e.getErrorCode());
        }
        try {
            Syscalls.INSTANCE.setns(fd, Syscalls.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new PermanentNetworkException("setns into " + ns + " failed: errno " + e.getErrorCode());
        } finally {
            Syscalls.INSTANCE.close(fd);
        }
    }

    /** Runs the work on a new thread that ends with it; its exceptions are rethrown here. */
    static <T> T onThread(String name, Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(work.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientNetworkException("interrupted waiting for " + name, e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new TransientNetworkException(name + ": " + e.getMessage(), e);
        }
        return result.get();
    }

    private static <T> T unchecked(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientNetworkException(e.getMessage(), e);
        }
    }
}
