package io.shoal.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.image.Healthcheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Healthcheck CHECK = new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(30), 2);

    private static HealthState.Probe probe(int atSeconds, int exit) {
        return new HealthState.Probe(T0.plusSeconds(atSeconds), T0.plusSeconds(atSeconds + 1), exit, "");
    }

    @Test
    void failuresInTheStartPeriodDoNotCount() {
        HealthState s = HealthState.started(T0).record(probe(10, 1), CHECK).record(probe(20, 1), CHECK);
        assertThat(s.status()).isEqualTo(HealthState.Status.STARTING);
        assertThat(s.failingStreak()).isZero();
    }

    @Test
    void retriesConsecutiveFailuresMakeItUnhealthyAndOneSuccessHeals() {
        HealthState s = HealthState.started(T0).record(probe(31, 1), CHECK);
        assertThat(s.status()).isEqualTo(HealthState.Status.STARTING);
        s = s.record(probe(41, 1), CHECK);
        assertThat(s.status()).isEqualTo(HealthState.Status.UNHEALTHY);
        s = s.record(probe(51, 0), CHECK);
        assertThat(s.status()).isEqualTo(HealthState.Status.HEALTHY);
        assertThat(s.failingStreak()).isZero();
    }

    @Test
    void aSuccessInTheStartPeriodIsHealthyAtOnce() {
        assertThat(HealthState.started(T0).record(probe(1, 0), CHECK).status()).isEqualTo(HealthState.Status.HEALTHY);
    }

    @Test
    void probesAreOneIntervalApartAndTheLogKeepsFive() {
        HealthState s = HealthState.started(T0);
        assertThat(s.nextProbeAt(CHECK)).isEqualTo(T0.plusSeconds(10));
        for (int i = 0; i < 7; i++) {
            s = s.record(probe(i * 11, 0), CHECK);
        }
        assertThat(s.log()).hasSize(5);
        assertThat(s.nextProbeAt(CHECK)).isEqualTo(T0.plusSeconds(6 * 11 + 1 + 10));
        assertThat(HealthState.deadline(CHECK)).isEqualTo(Duration.ofSeconds(2));
    }
}
