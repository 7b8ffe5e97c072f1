package io.shoal.engine.image;

import java.time.Duration;
import java.util.List;

/**
 * Docker's HEALTHCHECK: {@code test} is {@code ["NONE"]} (disabled), {@code ["CMD", args…]} or
 * {@code ["CMD-SHELL", command]}; an empty test means "inherit". Zero durations and retries mean "inherit, then
 * default" (interval 30 s, timeout 30 s, start period 0, retries 3).
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 3;

    public Healthcheck {
        test = test == null ? List.of() : List.copyOf(test);
        interval = interval == null ? Duration.ZERO : interval;
        timeout = timeout == null ? Duration.ZERO : timeout;
        startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
    }

    public boolean disabled() {
        return !test.isEmpty() && test.get(0).equals("NONE");
    }

    /** Fields left unset here are taken from {@code image}, as Docker's merge does. */
    public Healthcheck inheritFrom(Healthcheck image) {
        if (image == null) {
            return this;
        }
        return new Healthcheck(test.isEmpty() ? image.test : test,
                interval.isZero() ? image.interval : interval,
                timeout.isZero() ? image.timeout : timeout,
                startPeriod.isZero() ? image.startPeriod : startPeriod,
                retries == 0 ? image.retries : retries);
    }

    /** The command to exec for one probe: CMD-SHELL runs through {@code /bin/sh -c}. */
    public List<String> probeCommand() {
        if (test.isEmpty() || disabled()) {
            return List.of();
        }
        if (test.get(0).equals("CMD-SHELL")) {
            return List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
        }
        return test.get(0).equals("CMD") ? test.subList(1, test.size()) : test;
    }

    public Duration effectiveInterval() {
        return interval.isZero() ? DEFAULT_INTERVAL : interval;
    }

    public Duration effectiveTimeout() {
        return timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
    }

    public int effectiveRetries() {
        return retries <= 0 ? DEFAULT_RETRIES : retries;
    }
}
