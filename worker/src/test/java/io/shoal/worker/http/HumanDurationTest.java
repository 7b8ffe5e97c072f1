package io.shoal.worker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {
    @ParameterizedTest
    @CsvSource({"0, Less than a second", "1, 1 second", "59, 59 seconds", "60, About a minute", "119, About a minute",
            "120, 2 minutes", "3599, 59 minutes", "3600, About an hour", "5400, 2 hours", "172800, 2 days",
            "1209600, 2 weeks", "5184000, 2 months", "63072000, 2 years"})
    void readsAsDockerPsPrintsIt(long seconds, String words) {
        assertThat(HumanDuration.of(Duration.ofSeconds(seconds))).isEqualTo(words);
    }
}
