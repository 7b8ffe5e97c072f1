package io.shoal.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.EngineException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

    @ParameterizedTest
    @CsvSource({"KILL, SIGKILL", "sigterm, SIGTERM", "9, 9", "SIGRTMIN+3, SIGRTMIN+3", "usr1, SIGUSR1"})
    void acceptsDockersSpellings(String given, String expected) {
        assertThat(Signals.normalise(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--all", "SIGFOO", "0", "65", "KILL;rm"})
    void refusesAnythingElse(String given) {
        assertThatThrownBy(() -> Signals.normalise(given)).isInstanceOf(EngineException.class)
                .hasMessageContaining("Invalid signal");
    }
}
