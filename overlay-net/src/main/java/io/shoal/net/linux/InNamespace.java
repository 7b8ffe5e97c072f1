package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work inside a named network namespace (a per-thread attribute) on a pooled thread of its own: the thread
 * joins {@code /run/netns/NAME} with setns(2), runs the work, and goes back to the process's own namespace (the
 * one {@code /proc/self/ns/net} names, held open from the start) before it takes anything else. A thread that cannot
 * go back ends instead of returning to the pool, so no thread of the daemon is ever left in another namespace, and
 * no daemon thread other than the pool's ever changes namespace. Sockets opened inside stay bound to that namespace
 * after the thread has left it. An empty namespace means the caller's own: the work runs on the calling thread.
 *
 * <p>A pooled thread instead of a fresh one per call: starting and joining a Java thread took 0.4–0.6 ms here under
 * load (three or four per task attach), a hand-over to a waiting thread and two setns(2) calls a few tens of µs.
 */
final class InNamespace {

    static final String RUN_DIR = "/run/netns";

    /** The process's own network namespace, where every pooled thread is between two calls. */
    private static final int HOME = home();

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Grows with concurrent callers (work may itself call in), idle threads end after a minute. */
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "shoal-netns-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                t.setUncaughtExceptionHandler((thread, e) -> { }); // only Stranded ends a thread, on purpose
                return t;
            });

    /** Thrown on a pooled thread that could not go back home, so that the pool drops it. */
    private static final class Stranded extends Error {
        private static final long serialVersionUID = 1L;

        Stranded(int errno) {
            super("setns back to the process's network namespace failed: errno " + errno, null, false, false);
        }
    }

    private InNamespace() {}

    static <T> T call(Optional<NetnsName> netns, Callable<T> work) {
        if (netns.isEmpty()) {
            return unchecked(work);
        }
        NetnsName ns = netns.get();
        return onThread("netns " + ns.value(), () -> {
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

    /**
     * Runs the work on a pooled thread that may change its network namespace (setns, unshare) and is put back in the
     * process's own afterwards; the work's exceptions are rethrown here.
     */
    static <T> T onThread(String what, Callable<T> work) {
        return await(what, async(work));
    }

    /** Waits for work started with {@link #async}; its exceptions are rethrown here. */
    static <T> T await(String what, Future<T> done) {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientNetworkException("interrupted waiting for " + what, e);
        } catch (ExecutionException wrapped) {
            Throwable e = wrapped.getCause();
            if (e instanceof RuntimeException r) {
                throw r;
            } else if (e instanceof Error err) {
                throw err;
            }
            throw new TransientNetworkException(what + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #onThread}, without waiting: the future completes with the work's result or exception. */
    static <T> CompletableFuture<T> async(Callable<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        POOL.execute(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Throwable e) {
                failure = e;
            }
            try {
                goHome();
            } finally {
                // Completed only once the thread is home (or ends), so the caller never races a thread still inside.
                if (failure == null) {
                    done.complete(result);
                } else {
                    done.completeExceptionally(failure);
                }
            }
        });
        return done;
    }

    private static void goHome() {
        try {
            Syscalls.INSTANCE.setns(HOME, Syscalls.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new Stranded(e.getErrorCode()); // ends this thread: the pool starts a fresh one when needed
        }
    }

    private static int home() {
        try {
            return Syscalls.INSTANCE.open("/proc/self/ns/net", Syscalls.O_RDONLY | Syscalls.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new PermanentNetworkException("cannot open /proc/self/ns/net: errno " + e.getErrorCode());
        }
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
