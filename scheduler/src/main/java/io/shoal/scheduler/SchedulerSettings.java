package io.shoal.scheduler;

/**
 * How the scheduler breaks ties and treats failing nodes.
 *
 * @param seed             tie-break seed: the same seed and input give the same plan
 * @param failureThreshold a node where a service recently failed this many times is ranked last for it
 *                         (Docker uses 5)
 */
public record SchedulerSettings(long seed, int failureThreshold) {

    public SchedulerSettings {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold < 1");
        }
    }

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(0L, 5);
    }

    public SchedulerSettings withSeed(long s) {
        return new SchedulerSettings(s, failureThreshold);
    }
}
