package io.shoal.engine.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the Debian tools the registry tests use as independent witnesses (docker-registry, skopeo, umoci,
 * busybox-static). A missing tool fails the test with the apt-get line that installs it, never a silent skip.
 */
final class DebianTools {

    private DebianTools() {
    }

    /** Fails unless {@code /usr/bin/<binary>} (or /bin, /usr/sbin) exists; names the package to install. */
    static Path require(String binary, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(binary + " is missing; the registry tests need Debian's " + debianPackage
                + ": apt-get install -y " + debianPackage);
    }

    /** Runs {@code argv}, returns its stdout; a non-zero exit fails with its output. */
    static String run(Path cwd, String... argv) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-", ".out");
        try {
            Process p = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            int rc = p.waitFor();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (rc != 0) {
                throw new AssertionError(String.join(" ", argv) + " exited " + rc + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
