package io.shoal.engine.linux;

import com.sun.jna.LastErrorException;
import io.shoal.engine.host.FileAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@link FileAttributes} through libc: chmod, lchown, mknod and the overlay opaque xattr (root only). */
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
