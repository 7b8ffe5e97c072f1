package io.shoal.engine.container;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a container, named as Docker's events name it: {@code create}, {@code start},
 * {@code die} (attribute {@code exitCode}), {@code oom}, {@code pause}, {@code unpause}, {@code destroy},
 * {@code health_status: healthy|unhealthy|starting}.
 */
public record ContainerEvent(String containerId, String action, Instant time, Map<String, String> attributes) {
    public ContainerEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
