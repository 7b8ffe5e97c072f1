package io.shoal.engine.host;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mounts a container's root filesystem on the host, for the engine's own use while it seeds new volumes from it
 * (a running container's rootfs is mounted by its monitor, {@link OciRuntime#run}).
 */
public interface Mounter {
    void mount(OverlayRootfs rootfs) throws IOException;

    /** Detaches the mount at {@code target}; no error if nothing is mounted there. */
    void unmount(Path target) throws IOException;
}
