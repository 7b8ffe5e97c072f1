package io.shoal.engine.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Mounts a container's root filesystem: overlayfs of shared read-only lowers and the container's own upper. */
public interface Mounter {
    /** {@code lowers} topmost first; {@code upper} and {@code work} must be on one filesystem. */
    void mountOverlay(List<Path> lowers, Path upper, Path work, Path target) throws IOException;

    /** Detaches the mount at {@code target}; no error if nothing is mounted there. */
    void unmount(Path target) throws IOException;

    boolean isMounted(Path target) throws IOException;
}
