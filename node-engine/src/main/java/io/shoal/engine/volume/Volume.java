package io.shoal.engine.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A local volume as {@code docker volume inspect} shows it. {@code anonymous} volumes were made for an image's
 * {@code VOLUME} and carry a generated 64-hex name.
 */
public record Volume(String name, Path mountpoint, Map<String, String> labels, Instant createdAt, boolean anonymous) {
    public Volume {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public String driver() {
        return "local";
    }
}
