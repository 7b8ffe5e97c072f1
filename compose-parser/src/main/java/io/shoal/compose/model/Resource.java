package io.shoal.compose.model;

import java.util.Map;
import java.util.Optional;

/** A top-level network, volume, secret or config, by its key, with the engine-side name. */
public record Resource(String key, String name, boolean external, Optional<String> driver, Map<String, String> labels,
    Optional<String> file, Map<String, Object> raw) {
}
