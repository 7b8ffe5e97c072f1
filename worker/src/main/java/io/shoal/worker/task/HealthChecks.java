package io.shoal.worker.task;

import io.shoal.api.model.TaskSpec;
import io.shoal.engine.image.Healthcheck;
import java.time.Duration;

/**
 * A task's health check: the service's {@code HealthCheck} over the image's {@code HEALTHCHECK}, field by
 * field as Docker merges them (pure). The node engine runs the probes and judges health; the worker only
 * needs to know whether there is a check (the task then stays starting until healthy) and how often to look.
 */
public final class HealthChecks {
    private HealthChecks() {}

    /** The service's own check, in the engine's terms; null when the service sets none. */
    public static Healthcheck own(TaskSpec spec) {
        TaskSpec.HealthConfig h = spec.containerSpec().healthcheck();
        return h == null ? null : new Healthcheck(h.test(), nanos(h.interval()), nanos(h.timeout()), nanos(h.startPeriod()),
                h.retries() == null ? 0 : h.retries());
    }

    /** The check that applies, or null when there is none (or it is disabled with {@code NONE}). */
    public static Healthcheck effective(TaskSpec spec, Healthcheck image) {
        Healthcheck own = own(spec);
        Healthcheck merged = own == null ? image : own.inheritFrom(image);
        if (merged == null) {
            return null;
        }
        return merged.disabled() || merged.probeCommand().isEmpty() ? null : merged;
    }

    private static Duration nanos(Long n) {
        return n == null ? null : Duration.ofNanos(n);
    }
}
