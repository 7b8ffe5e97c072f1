package io.shoal.engine.bundle;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a container is networked. {@code none} and {@code host} are the engine's own; {@link Joined} is the seam
 * for bridge and overlay networks: overlay-net prepares a network namespace and the engine joins it by path.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "mode")
@JsonSubTypes({@JsonSubTypes.Type(value = NetworkMode.None.class, name = "none"),
    @JsonSubTypes.Type(value = NetworkMode.Host.class, name = "host"),
    @JsonSubTypes.Type(value = NetworkMode.Joined.class, name = "joined")})
public sealed interface NetworkMode {
    record None() implements NetworkMode { }

    record Host() implements NetworkMode { }

    record Joined(String netnsPath) implements NetworkMode { }

    static NetworkMode none() {
        return new None();
    }

    static NetworkMode host() {
        return new Host();
    }
}
