package io.shoal.bench.converge.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example image {@code busybox:latest}, built by {@code deploy/images/busybox} into {@code dir}: the
 * {@code docker save} archive that shoald's engine loads, and the OCI layout unpacked once (umoci) into the
 * bundle whose rootfs every raw runc container overlays.
 */
public record BusyboxImage(Path archive, Path layout) {
    public static BusyboxImage build(Path script, Path dir) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("--image-script: no image script at " + script + " (deploy/images/busybox of the source tree)");
        }
        Host.run(List.of("bash", script.toString(), dir.toString())).orThrow("bash " + script + " " + dir);
        return new BusyboxImage(dir.resolve("busybox.tar"), dir.resolve("oci"));
    }

    /** Unpacks the image into {@code bundle} (rootfs/ and umoci's config.json) for raw runc. */
    public Path unpack(Path bundle) {
        Host.run(List.of("umoci", "unpack", "--image", layout + ":latest", bundle.toString())).orThrow("umoci unpack " + layout);
        return bundle;
    }
}
