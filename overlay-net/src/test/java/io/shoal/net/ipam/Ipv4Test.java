package io.shoal.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict dotted-quad parsing: what is accepted round-trips, everything else is empty. */
class Ipv4Test {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.91.0.1", "255.255.255.255", "192.168.100.9", "1.20.255.0"})
    void acceptsDottedQuadsAndPrintsThemBack(String text) {
        assertThat(Ipv4.parse(text)).hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.2.3", "1.2.3.4.", "1.2.3.4.5", ".1.2.3", "1..2.3", "256.0.0.1", "1.2.3.256",
        "01.2.3.4", "1.2.3.00", "1.2.3.0004", "1.2.3.-4", "1.2.3.4/24", " 1.2.3.4", "1.2.3.4 ", "a.b.c.d", "1.2.3.4a",
        "1000.2.3.4", "١.2.3.4"})
    void rejectsEverythingElse(String text) {
        assertThat(Ipv4.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1"})
    void keepsTheBitsInNetworkOrder(String text) {
        assertThat(Ipv4.of(text).bits()).isEqualTo(0x0a000001);
        assertThat(Ipv4.parse(null)).isEmpty();
    }
}
