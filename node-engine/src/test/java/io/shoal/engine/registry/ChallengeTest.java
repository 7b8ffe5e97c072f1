package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void parsesDockerHubsBearerChallenge() {
        List<Challenge> c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/busybox:pull\"");

        assertThat(c).containsExactly(new Challenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/busybox:pull")));
    }

    @Test
    void parsesSeveralChallengesTokensEscapesAndSpaces() {
        List<Challenge> c = Challenge.parse("Basic realm=\"a \\\"quoted\\\" realm\" , Bearer realm=https://x/t, "
                + "error=insufficient_scope");

        assertThat(c).containsExactly(
                new Challenge("basic", Map.of("realm", "a \"quoted\" realm")),
                new Challenge("bearer", Map.of("realm", "https://x/t", "error", "insufficient_scope")));
    }

    @Test
    void garbageGivesWhatCouldBeReadAndNeverLoops() {
        assertThat(Challenge.parse("")).isEmpty();
        assertThat(Challenge.parse(null)).isEmpty();
        assertThat(Challenge.parse("=\"")).isEmpty();
        assertThat(Challenge.parse("Negotiate")).containsExactly(new Challenge("negotiate", Map.of()));
        assertThat(Challenge.parse("Bearer realm=\"unterminated")).singleElement()
                .satisfies(ch -> assertThat(ch.param("realm")).contains("unterminated"));
    }
}
