package io.shoal.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSimulationTest {

    @ParameterizedTest(name = "seed {0}: {1} nodes, {2} steps")
    @CsvSource({"1, 2000, 100", "7, 1000, 150", "20261122, 3000, 60"})
    void invariantsHoldAfterEveryStep(long seed, int nodes, int steps) {
        SimulationReport report = new ClusterSimulation(new SimulationSettings(seed, nodes, steps)).run();
        assertThat(report.violations()).isEmpty();
        assertThat(report.steps()).isEqualTo(steps);
        assertThat(report.placements()).isPositive();
        assertThat(report.events()).containsKeys("join", "leave", "drain", "create", "scale", "remove");
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"3", "11"})
    void aSeedReplaysExactly(long seed) {
        SimulationReport first = new ClusterSimulation(new SimulationSettings(seed, 300, 80)).run();
        SimulationReport second = new ClusterSimulation(new SimulationSettings(seed, 300, 80)).run();
        assertThat(second).isEqualTo(first);
    }
}
