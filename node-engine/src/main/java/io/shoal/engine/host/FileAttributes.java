package io.shoal.engine.host;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What unpacking a layer needs beyond java.nio: full mode bits (setuid, sticky), ownership of links, device
 * nodes (overlay whiteouts are 0:0 character devices) and the overlay opaque xattr; and where the file system
 * places the engine's directories. Adapter: linux/LinuxFiles.
 */
public interface FileAttributes {
    void chmod(Path path, int mode) throws IOException;

    void lchown(Path path, long uid, long gid) throws IOException;

    /** {@code type} is 'c', 'b' or 'p' (fifo). */
    void mknod(Path path, char type, int mode, long major, long minor) throws IOException;

    /** overlayfs: {@code trusted.overlay.opaque=y} hides the lower layers' entries of this directory. */
    void markOpaque(Path dir) throws IOException;

    /**
     * Asks the file system to place each new subdirectory of {@code dir} in a block group of its own choosing
     * rather than next to its siblings (ext4's top-directory flag, {@code chattr +T}): true if it now does, false
     * where the file system has no such notion (tmpfs, xfs), which changes nothing there.
     */
    boolean spreadSubdirectories(Path dir) throws IOException;

    /** overlayfs: a 0:0 character device hides the lower layers' entry of this name. */
    default void whiteout(Path path) throws IOException {
        mknod(path, 'c', 0, 0, 0);
    }
}
