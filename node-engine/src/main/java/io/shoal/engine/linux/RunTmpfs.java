package io.shoal.engine.linux;

import io.shoal.engine.host.Trees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engine's run directory on a tmpfs of its own, as containerd and Docker keep bundles and runc's state under
 * {@code /run}: what a container needs only while it runs (runc's state, its bundle with the rootfs mount point,
 * pidfile, oom marker, monitor.err) costs no inode allocation on the data disk (an ext4 mkdir here is 115–215 us of
 * CPU, a tmpfs one 4 us) and is gone after a host reboot, when none of it is true any more. If the directory is
 * already on a tmpfs (its own mount, left by an engine whose containers still run; or a tmpfs such as
 * {@code /dev/shm} it lies on) it is used as it is; otherwise one is mounted: mode 0700, nosuid, nodev, noexec
 * (runc needs none of them there: Debian's {@code /run} has the same), at most {@link #SIZE}.
 */
public final class RunTmpfs {

    /**
     * The size limit: a running container keeps about six pages there (runc's state.json, config.json, pidfile),
     * so this is room for about 5000 of them; a limit, not a reservation.
     */
    public static final String SIZE = "128m";

    private final Path dir;
    private final boolean fresh;

    private RunTmpfs(Path dir, boolean fresh) {
        this.dir = dir;
        this.fresh = fresh;
    }

    /** Makes {@code dir} and mounts a tmpfs on it unless it is on one already. */
    public static RunTmpfs open(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (onTmpfs(dir)) {
            return new RunTmpfs(dir, false);
        }
        LinuxFiles.call("mount tmpfs", dir, () -> LibC.INSTANCE.mount("tmpfs", dir.toString(), "tmpfs",
                LibC.MS_NOSUID | LibC.MS_NODEV | LibC.MS_NOEXEC, "mode=0700,size=" + SIZE));
        return new RunTmpfs(dir, true);
    }

    public Path dir() {
        return dir;
    }

    /** Whether {@link #open} mounted the tmpfs (rather than finding one). */
    public boolean fresh() {
        return fresh;
    }

    /** Whether {@code path} lies on a tmpfs (statfs(2)'s f_type). */
    private static boolean onTmpfs(Path path) throws IOException {
        byte[] buf = new byte[LibC.STATFS_SIZE];
        LinuxFiles.call("statfs", path, () -> LibC.INSTANCE.statfs(path.toString(), buf));
        return ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder()).getLong(0) == LibC.TMPFS_MAGIC;
    }

    /** Whether the directory is a mount point of its own (another device than its parent's). */
    private boolean mounted() throws IOException {
        return !Files.getAttribute(dir, "unix:dev").equals(Files.getAttribute(dir.getParent(), "unix:dev"));
    }

    /**
     * Unmounts the tmpfs (if the directory is a mount of its own) and removes the directory with whatever is
     * left in it. Only when no container runs from it any more: their runc state is there.
     */
    public void release() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (mounted()) {
            new LinuxMounter().unmount(dir);
        }
        Trees.delete(dir);
    }
}
