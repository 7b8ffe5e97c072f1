package io.shoal.scheduler.view;

import java.util.Locale;
import java.util.Objects;

/**
 * An operating system and CPU architecture, as a node reports it or an image supports it. Values are
 * normalized (lower case, {@code x86_64} → {@code amd64}, {@code aarch64} → {@code arm64}); an empty
 * value on the image side matches any node.
 */
public record Platform(String os, String architecture) {

    public Platform {
        os = normalizeOs(Objects.requireNonNull(os, "os"));
        architecture = normalizeArch(Objects.requireNonNull(architecture, "architecture"));
    }

    public static Platform linuxAmd64() {
        return new Platform("linux", "amd64");
    }

    /** True if an image built for this platform runs on a node reporting {@code node}. */
    public boolean runsOn(Platform node) {
        return (os.isEmpty() || os.equals(node.os))
                && (architecture.isEmpty() || architecture.equals(node.architecture));
    }

    private static String normalizeOs(String os) {
        return os.trim().toLowerCase(Locale.ROOT);
    }

    private static String normalizeArch(String arch) {
        String a = arch.trim().toLowerCase(Locale.ROOT);
        switch (a) {
            case "x86_64":
            case "x86-64":
                return "amd64";
            case "aarch64":
                return "arm64";
            case "i386":
            case "i686":
                return "386";
            default:
                return a;
        }
    }
}
