package io.shoal.testkit.sim;

/**
 * The size of a simulation run.
 *
 * @param seed         everything random derives from it, so a failure replays exactly
 * @param initialNodes nodes that exist before the first step
 * @param steps        events, each followed by a scheduling tick and the invariant checks
 */
public record SimulationSettings(long seed, int initialNodes, int steps) {

    public SimulationSettings {
        if (initialNodes < 0 || steps < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
