package io.shoal.engine.bundle;

/**
 * How a container is networked. {@code none} and {@code host} are the engine's own; {@link Joined} is the seam
 * for bridge and overlay networks: overlay-net prepares a network namespace and the engine joins it by path.
 */
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
