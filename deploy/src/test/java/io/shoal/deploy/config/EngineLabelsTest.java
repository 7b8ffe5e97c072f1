package io.shoal.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineLabelsTest {
    @Test
    void pairsBecomeAMapAndAValueMayHoldEqualsOrBeEmpty() {
        assertThat(EngineLabels.parse(List.of("zone=a", "disk=ssd", "expr=a=b", "empty=")))
                .isEqualTo(Map.of("zone", "a", "disk", "ssd", "expr", "a=b", "empty", ""));
        assertThat(EngineLabels.parse(List.of())).isEmpty();
    }

    @Test
    void aMalformedFlagIsRefusedNamingIt() {
        assertThatThrownBy(() -> EngineLabels.parse(List.of("zone"))).hasMessage("--label: expected KEY=VALUE, got \"zone\"");
        assertThatThrownBy(() -> EngineLabels.parse(List.of("=a"))).hasMessage("--label: expected KEY=VALUE, got \"=a\"");
        assertThatThrownBy(() -> EngineLabels.parse(List.of(" =a"))).hasMessageStartingWith("--label: the key of \" =a\" must be non-empty");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> EngineLabels.parse(List.of("zone=a", "zone=b"))).hasMessage("--label: key \"zone\" is given twice");
    }
}
