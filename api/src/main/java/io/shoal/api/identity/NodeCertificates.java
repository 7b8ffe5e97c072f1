package io.shoal.api.identity;

import java.nio.file.Path;

/**
 * Where a node keeps its identity: {@code DATA_ROOT/certificates/} with {@code node.key} (PKCS#8 PEM),
 * {@code node.crt} and {@code ca.crt}, each mode 0600.
 */
public record NodeCertificates(Path directory) {
    public static NodeCertificates under(Path dataRoot) {
        return new NodeCertificates(dataRoot.resolve("certificates"));
    }

    public Path key() {
        return directory.resolve("node.key");
    }

    public Path certificate() {
        return directory.resolve("node.crt");
    }

    public Path ca() {
        return directory.resolve("ca.crt");
    }
}
