package io.shoal.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(90));

    @Test
    void renewsAtItsFractionOfTheLifetime() {
        RenewalPolicy p = new RenewalPolicy(0.6);
        assertThat(p.renewAt(START, END)).isEqualTo(START.plus(Duration.ofDays(54)));
        assertThat(p.due(START, END, at(START.plus(Duration.ofDays(53))))).isFalse();
        assertThat(p.due(START, END, at(START.plus(Duration.ofDays(54))))).isTrue();
        assertThat(p.untilRenewal(START, END, at(START.plus(Duration.ofDays(50))))).isEqualTo(Duration.ofDays(4));
        assertThat(p.untilRenewal(START, END, at(END))).isEqualTo(Duration.ZERO);
    }

    @Test
    void drawnFractionsStayBetweenHalfAndFourFifths() {
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(RenewalPolicy.drawn(r).fraction()).isBetween(0.5, 0.8);
        }
    }

    @Test
    void refusesFractionsOutsideTheWindowAndBackwardValidity() {
        assertThatThrownBy(() -> new RenewalPolicy(0.9)).hasMessageContaining("[0.5, 0.8]");
        assertThatThrownBy(() -> new RenewalPolicy(0.6).renewAt(END, START)).hasMessageContaining("ends before it starts");
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }
}
