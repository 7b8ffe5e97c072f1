package io.shoal.engine.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The engine's own per-container monitor, {@code shoal-monitor} (built from {@code src/main/c} into this jar),
 * copied out to {@code dir/shoal-monitor-<digest>} where it can be executed. The name carries the content's
 * digest, so a new build never overwrites the binary that running monitors were started from, and a second
 * engine start finds it already there.
 */
public final class MonitorBinary {

    private static final String RESOURCE = "shoal-monitor";

    private MonitorBinary() {
    }

    /** The path of the installed monitor under {@code dir}, installing it first if needed. */
    public static Path install(Path dir) throws IOException {
        byte[] bytes;
        try (InputStream in = MonitorBinary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the shoal-monitor binary is missing from the node-engine jar (built by cc "
                        + "from src/main/c at build time: apt-get install gcc libc6-dev, then rebuild)");
            }
            bytes = in.readAllBytes();
        }
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(dir);
        Path target = dir.resolve(RESOURCE + "-" + digest);
        if (Files.isExecutable(target) && Files.size(target) == bytes.length) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, RESOURCE, ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
