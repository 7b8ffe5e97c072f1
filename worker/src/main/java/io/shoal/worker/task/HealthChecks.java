package io.shoal.worker.task;

import io.shoal.api.model.TaskSpec;
import io.shoal.engine.image.Healthcheck;
import java.time.Duration;

/**
 * A task's health check: the service's {@code HealthCheck} over the image's {@code HEALTHCHECK}, field by
 * field as Docker merges them (pure). Probing itself is the runner's; the timing and the verdict are the
 * node engine's {@link io.shoal.engine.health.HealthState}.
 */
public final class HealthChecks {
    private HealthChecks() {}

    /** The check to run, or null when there is none (or it is disabled with {@code NONE}). */
    public static Healthcheck effective(TaskSpec spec, Healthcheck image) {
        TaskSpec.HealthConfig h = spec.containerSpec().healthcheck();
        Healthcheck own = h == null ? new Healthcheck(null, null, null, null, 0)
                : new Healthcheck(h.test(), nanos(h.interval()), nanos(h.timeout()), nanos(h.startPeriod()),
                        h.retries() == null ? 0 : h.retries());
        Healthcheck merged = own.inheritFrom(image);
        return merged.disabled() || merged.probeCommand().isEmpty() ? null : merged;
    }

    private static Duration nanos(Long n) {
        return n == null ? null : Duration.ofNanos(n);
    }
}
