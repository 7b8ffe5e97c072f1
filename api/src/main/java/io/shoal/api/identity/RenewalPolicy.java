package io.shoal.api.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a node asks for a new certificate: at {@code fraction} of its lifetime (Swarm picks a point between
 * 50% and 80%; the node draws its fraction once, so a cluster's nodes do not all renew at once). Pure: the
 * clock is injected.
 */
public record RenewalPolicy(double fraction) {
    public RenewalPolicy {
        if (!(fraction >= 0.5 && fraction <= 0.8)) {
            throw new IllegalArgumentException("renewal fraction must be within [0.5, 0.8], got " + fraction);
        }
    }

    /** A fraction drawn uniformly in [0.5, 0.8]. */
    public static RenewalPolicy drawn(java.util.random.RandomGenerator random) {
        return new RenewalPolicy(0.5 + 0.3 * random.nextDouble());
    }

    public Instant renewAt(Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("certificate validity ends before it starts: " + notBefore + " .. " + notAfter);
        }
        long lifetimeMillis = Duration.between(notBefore, notAfter).toMillis();
        return notBefore.plusMillis((long) (lifetimeMillis * fraction));
    }

    public boolean due(Instant notBefore, Instant notAfter, Clock clock) {
        return !clock.instant().isBefore(renewAt(notBefore, notAfter));
    }

    /** How long until renewal is due (zero when it already is). */
    public Duration untilRenewal(Instant notBefore, Instant notAfter, Clock clock) {
        Duration d = Duration.between(clock.instant(), renewAt(notBefore, notAfter));
        return d.isNegative() ? Duration.ZERO : d;
    }
}
