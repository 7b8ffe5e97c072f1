package io.shoal.net.linux;

import com.sun.jna.LastErrorException;
import io.shoal.net.host.Netns;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.plan.NetnsName;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * {@link Netns} without a process: what {@code ip netns add/delete} do, done in-process, and compatible with them
 * ({@code ip netns list}, {@code ip -n NAME}, {@code ip netns exec} see the same namespaces). Add: make
 * {@code /run/netns} a shared mount (as iproute2 does, so the namespace's mount shows in every mount namespace),
 * create the empty file {@code /run/netns/NAME}, then on a pooled thread ({@link InNamespace}) unshare(CLONE_NEWNET)
 * and bind-mount {@code /proc/thread-self/ns/net} onto the file; the thread goes back to the process's namespace and
 * the mount keeps the new one. Delete:
 * umount2(MNT_DETACH) and unlink. About 1 ms here (most of it the kernel's namespace setup), and no process.
 */
public final class InProcessNetns implements Netns {

    private static final Path RUN_DIR = Path.of(InNamespace.RUN_DIR);

    @Override
    public void create(NetnsName name) {
        InNamespace.await("creating network namespace " + name, createAsync(name, Runnable::run));
    }

    /**
     * The file is made on the calling thread, the namespace on a pooled one ({@link InNamespace}) without a further
     * hand-over ({@code executor} is not needed). Never throws: a failure completes the future, and leaves no file.
     */
    @Override
    public CompletableFuture<Void> createAsync(NetnsName name, Executor executor) {
        Path file = RUN_DIR.resolve(name.value());
        try {
            try {
                Files.createDirectories(RUN_DIR);
            } catch (IOException e) {
                throw new TransientNetworkException("cannot create " + RUN_DIR, e);
            }
            shareRunDir();
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                throw new PermanentNetworkException("network namespace " + name + " already exists");
            } catch (IOException e) {
                throw new TransientNetworkException("cannot create " + file, e);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return InNamespace.<Void>async(() -> {
            try {
                Syscalls.INSTANCE.unshare(Syscalls.CLONE_NEWNET);
                Syscalls.INSTANCE.mount("/proc/thread-self/ns/net", file.toString(), "none", Syscalls.MS_BIND, null);
                return null;
            } catch (RuntimeException e) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the failure below is the one to report
                }
                throw e instanceof LastErrorException le
                        ? new PermanentNetworkException("network namespace " + name + " not created: errno " + le.getErrorCode())
                        : e;
            }
        });
    }

    /** iproute2's netns_add: mount --make-rshared /run/netns, bind-mounting the directory onto itself first if needed. */
    private static void shareRunDir() {
        String dir = RUN_DIR.toString();
        try {
            Syscalls.INSTANCE.mount("", dir, "none", Syscalls.MS_SHARED | Syscalls.MS_REC, null);
        } catch (LastErrorException notAMountPoint) {
            if (notAMountPoint.getErrorCode() != Syscalls.EINVAL) {
                throw new PermanentNetworkException("cannot make " + dir + " shared: errno " + notAMountPoint.getErrorCode());
            }
            try {
                Syscalls.INSTANCE.mount(dir, dir, "none", Syscalls.MS_BIND | Syscalls.MS_REC, null);
                Syscalls.INSTANCE.mount("", dir, "none", Syscalls.MS_SHARED | Syscalls.MS_REC, null);
            } catch (LastErrorException e) {
                throw new PermanentNetworkException("cannot make " + dir + " a shared mount: errno " + e.getErrorCode());
            }
        }
    }

    @Override
    public void delete(NetnsName name) {
        Path file = RUN_DIR.resolve(name.value());
        if (!Files.exists(file)) {
            return;
        }
        try {
            Syscalls.INSTANCE.umount2(file.toString(), Syscalls.MNT_DETACH);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Syscalls.EINVAL && e.getErrorCode() != Syscalls.ENOENT) {
                throw new PermanentNetworkException("cannot unmount network namespace " + name + ": errno " + e.getErrorCode());
            }
            // EINVAL: not mounted (a half-made namespace); the file still goes
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new TransientNetworkException("cannot remove " + file, e);
        }
    }

    @Override
    public Set<NetnsName> list() {
        Set<NetnsName> names = new LinkedHashSet<>();
        if (!Files.isDirectory(RUN_DIR)) {
            return names;
        }
        try (Stream<Path> files = Files.list(RUN_DIR)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(n -> NetnsName.parse(n).ifPresent(names::add));
        } catch (IOException e) {
            throw new TransientNetworkException("cannot list " + RUN_DIR, e);
        }
        return names;
    }
}
