package io.shoal.engine.linux;

import com.sun.jna.LastErrorException;
import io.shoal.engine.host.Mounter;
import io.shoal.engine.host.OverlayRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@link Mounter} by mount(2) and umount2(2) through JNA, reading /proc/self/mountinfo to check. */
public final class LinuxMounter implements Mounter {

    private static final int EINVAL = 22;
    private static final int ENOENT = 2;

    @Override
    public void mountOverlay(List<Path> lowers, Path upper, Path work, Path target) throws IOException {
        String data = new OverlayRootfs(lowers, upper, work, target).mountData();
        LinuxFiles.call("mount overlay", target, () -> LibC.INSTANCE.mount("overlay", target.toString(), "overlay",
                0, data));
    }

    @Override
    public void unmount(Path target) throws IOException {
        try {
            LibC.INSTANCE.umount2(target.toString(), LibC.MNT_DETACH);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EINVAL && e.getErrorCode() != ENOENT) {
                throw new IOException("umount " + target + ": errno " + e.getErrorCode(), e);
            }
        }
    }

    /**
     * A mount point sits on another device than its parent directory (overlayfs gets its own), which two stat(2)
     * calls show; only when they agree is /proc/self/mountinfo read, since it grows by a line per container and
     * reading it on every start made starting n containers cost O(n²).
     */
    @Override
    public boolean isMounted(Path target) throws IOException {
        Path parent = target.toAbsolutePath().normalize().getParent();
        try {
            if (parent != null && !Files.getAttribute(target, "unix:dev").equals(Files.getAttribute(parent, "unix:dev"))) {
                return true;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        String t = target.toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4 && f[4].replace("\\040", " ").equals(t)) {
                return true;
            }
        }
        return false;
    }
}
