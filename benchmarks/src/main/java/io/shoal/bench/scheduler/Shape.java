package io.shoal.bench.scheduler;

import java.util.Locale;

/** What the synthetic services ask of the scheduler beyond reservations. */
public enum Shape {
    /** Reservations only. */
    PLAIN,
    /** Reservations and constraints on most services. */
    CONSTRAINTS,
    /** Reservations and placement preferences on most services. */
    PREFERENCES,
    /** A realistic mix: some constraints, some preferences, platforms, max per node, host ports, GPUs. */
    MIXED;

    public static Shape parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
