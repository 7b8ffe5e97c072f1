package io.shoal.engine.linux;

import com.sun.jna.LastErrorException;
import io.shoal.engine.host.FileAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@link FileAttributes} through libc: chmod, lchown, mknod, the overlay opaque xattr and the top-directory flag
 * (root only).
 */
public final class LinuxFiles implements FileAttributes {

    @Override
    public void chmod(Path path, int mode) throws IOException {
        call("chmod", path, () -> LibC.INSTANCE.chmod(path.toString(), mode));
    }

    @Override
    public void lchown(Path path, long uid, long gid) throws IOException {
        call("lchown", path, () -> LibC.INSTANCE.lchown(path.toString(), (int) uid, (int) gid));
    }

    @Override
    public void mknod(Path path, char type, int mode, long major, long minor) throws IOException {
        int kind = switch (type) {
            case 'c' -> LibC.S_IFCHR;
            case 'b' -> LibC.S_IFBLK;
            default -> LibC.S_IFIFO;
        };
        call("mknod", path, () -> LibC.INSTANCE.mknod(path.toString(), kind | mode, LibC.makedev(major, minor)));
    }

    @Override
    public void markOpaque(Path dir) throws IOException {
        byte[] y = "y".getBytes(StandardCharsets.US_ASCII);
        call("lsetxattr", dir, () -> LibC.INSTANCE.lsetxattr(dir.toString(), "trusted.overlay.opaque", y, 1, 0));
    }

    /**
     * Sets ext4's top-directory flag on {@code dir}, keeping its other flags. ext4's Orlov allocator then puts each
     * new subdirectory (a container's) in a block group with room and few directories, and the files and
     * directories made in it follow into that group. Without it they all share the parent's group. On an ext4
     * without a journal, an inode allocation skips every free inode of its group deleted in the last minute (six
     * while its inode table block is dirty), looking each one up: after a few hundred containers came and went in
     * one group it took 0.2-0.9 ms per inode, and a container's create and start make about ten.
     */
    @Override
    public boolean spreadSubdirectories(Path dir) throws IOException {
        int fd;
        try {
            fd = LibC.INSTANCE.open(dir.toString(), LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("open " + dir + ": errno " + e.getErrorCode(), e);
        }
        try {
            int[] flags = new int[1];
            LibC.INSTANCE.ioctl(fd, LibC.FS_IOC_GETFLAGS, flags);
            if ((flags[0] & LibC.FS_TOPDIR_FL) == 0) {
                flags[0] |= LibC.FS_TOPDIR_FL;
                LibC.INSTANCE.ioctl(fd, LibC.FS_IOC_SETFLAGS, flags);
            }
            return true;
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == LibC.ENOTTY || errno == LibC.EOPNOTSUPP || errno == LibC.EINVAL) {
                return false; // no inode flags (tmpfs), or not this one (xfs)
            }
            throw new IOException("chattr +T " + dir + ": errno " + errno, e);
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }

    interface Call {
        int run();
    }

    static void call(String what, Path path, Call call) throws IOException {
        try {
            call.run();
        } catch (LastErrorException e) {
            throw new IOException(what + " " + path + ": errno " + e.getErrorCode(), e);
        }
    }
}
