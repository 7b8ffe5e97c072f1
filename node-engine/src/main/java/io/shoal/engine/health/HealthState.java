package io.shoal.engine.health;

import io.shoal.engine.image.Healthcheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's health as Docker reports it, advanced by probe results. Pure and immutable: the caller's
 * clock gives {@code now}. Failures inside the start period do not count toward {@code retries}, but a
 * success there makes the container healthy at once; the log keeps the last five probes.
 */
public record HealthState(Status status, int failingStreak, List<Probe> log, Instant startedAt) {

    public static final int LOG_ENTRIES = 5;

    public enum Status { STARTING, HEALTHY, UNHEALTHY }

    /** One probe: when it ran, its exit code (-1 for a timeout) and the start of its output. */
    public record Probe(Instant start, Instant end, int exitCode, String output) { }

    public static HealthState started(Instant at) {
        return new HealthState(Status.STARTING, 0, List.of(), at);
    }

    public HealthState record(Probe probe, Healthcheck check) {
        List<Probe> newLog = new ArrayList<>(log);
        newLog.add(probe);
        if (newLog.size() > LOG_ENTRIES) {
            newLog = newLog.subList(newLog.size() - LOG_ENTRIES, newLog.size());
        }
        if (probe.exitCode() == 0) {
            return new HealthState(Status.HEALTHY, 0, List.copyOf(newLog), startedAt);
        }
        boolean inStartPeriod = status == Status.STARTING
                && probe.start().isBefore(startedAt.plus(check.startPeriod()));
        if (inStartPeriod) {
            return new HealthState(status, failingStreak, List.copyOf(newLog), startedAt);
        }
        int streak = failingStreak + 1;
        Status next = streak >= check.effectiveRetries() ? Status.UNHEALTHY : status;
        return new HealthState(next, streak, List.copyOf(newLog), startedAt);
    }

    /** When the next probe is due: one interval after the previous ended (or after start, for the first). */
    public Instant nextProbeAt(Healthcheck check) {
        Instant last = log.isEmpty() ? startedAt : log.get(log.size() - 1).end();
        return last.plus(check.effectiveInterval());
    }

    /** How long a probe may run before it is killed and counted as a failure. */
    public static Duration deadline(Healthcheck check) {
        return check.effectiveTimeout();
    }
}
