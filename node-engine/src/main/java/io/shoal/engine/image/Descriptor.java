package io.shoal.engine.image;

import java.util.Map;

/** An OCI content descriptor: what a blob is, its digest and size, and for index entries its platform. */
public record Descriptor(String mediaType, String digest, long size, PlatformSpec platform,
                         Map<String, String> annotations) {

    public Descriptor {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, String digest, long size) {
        this(mediaType, digest, size, null, Map.of());
    }

    /** os/architecture[/variant] of an index entry. */
    public record PlatformSpec(String os, String architecture, String variant) {
        public static final PlatformSpec LINUX_AMD64 = new PlatformSpec("linux", "amd64", null);

        public boolean matches(PlatformSpec wanted) {
            return os.equals(wanted.os) && normalArch(architecture).equals(normalArch(wanted.architecture))
                    && (wanted.variant == null || wanted.variant.equals(variant));
        }

        private static String normalArch(String arch) {
            return switch (arch) {
                case "x86_64", "x86-64" -> "amd64";
                case "aarch64" -> "arm64";
                default -> arch;
            };
        }
    }
}
