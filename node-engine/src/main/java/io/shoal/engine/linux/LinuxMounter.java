package io.shoal.engine.linux;

import com.sun.jna.LastErrorException;
import io.shoal.engine.host.Mounter;
import io.shoal.engine.host.OverlayRootfs;
import java.io.IOException;
import java.nio.file.Path;

/** {@link Mounter} by mount(2) and umount2(2) through JNA. */
public final class LinuxMounter implements Mounter {

    @Override
    public void mount(OverlayRootfs rootfs) throws IOException {
        String data = rootfs.mountData();
        LinuxFiles.call("mount overlay", rootfs.target(), () -> LibC.INSTANCE.mount("overlay",
                rootfs.target().toString(), "overlay", 0, data));
    }

    @Override
    public void unmount(Path target) throws IOException {
        try {
            LibC.INSTANCE.umount2(target.toString(), LibC.MNT_DETACH);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EINVAL && e.getErrorCode() != LibC.ENOENT) {
                throw new IOException("umount " + target + ": errno " + e.getErrorCode(), e);
            }
        }
    }
}
