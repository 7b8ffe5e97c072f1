package io.shoal.engine.registry;

/**
 * Receives per-layer progress of a pull or push, on the pulling thread, in order for each layer. The HTTP layer
 * turns each {@link Progress} into a line of Docker's JSON progress stream.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void on(Progress progress);
}
