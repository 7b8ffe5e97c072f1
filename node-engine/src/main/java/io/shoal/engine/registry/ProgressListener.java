package io.shoal.engine.registry;

/**
 * Receives per-layer progress of a pull or push: never from two threads at once (layers download in parallel, the
 * puller serialises the calls), in order for each layer. The HTTP layer turns each {@link Progress} into a line of
 * Docker's JSON progress stream.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void on(Progress progress);
}
