package io.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command's contract (arguments and name=value output), at a tiny size; no timings are asserted. */
class ShoalBenchTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain", "constraints", "preferences", "mixed"})
    void placesEverythingAndPrintsOneFigurePerLine(String shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShoalBench.run(new String[] {"scheduler", "--nodes", "50", "--tasks", "500", "--services", "10",
            "--seed", "9", "--shape", shape, "--warmup", "0"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(text.lines()).allMatch(l -> l.matches("[a-z0-9_]+=.*"));
        assertThat(text).contains("nodes=50\n", "tasks=500\n", "services=10\n", "batches=10\n");
        Map<String, String> figures = text.lines().map(l -> l.split("=", 2)).collect(Collectors.toMap(f -> f[0], f -> f[1]));
        assertThat(Integer.parseInt(figures.get("placed")) + Integer.parseInt(figures.get("unplaceable"))).isEqualTo(500);
        assertThat(text).containsPattern("(?m)^placements_per_second=\\d+$").containsPattern("(?m)^p99_batch_ms=[0-9.]+$");
    }

    @Test
    void simulateReportsNoViolations() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShoalBench.run(new String[] {"simulate", "--nodes", "100", "--steps", "20", "--seed", "5"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("steps=20\n", "violations=0\n");
    }

    @Test
    void badArgumentsExitWithTwo() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(ShoalBench.run(new String[] {}, quiet, quiet)).isEqualTo(2);
        assertThat(ShoalBench.run(new String[] {"scheduler", "--nodes"}, quiet, quiet)).isEqualTo(2);
        assertThat(ShoalBench.run(new String[] {"scheduler", "--nodes", "-1"}, quiet, quiet)).isEqualTo(2);
        assertThat(ShoalBench.run(new String[] {"scheduler", "--colour", "blue"}, quiet, quiet)).isEqualTo(2);
        assertThat(ShoalBench.run(new String[] {"api", "--colour", "blue"}, quiet, quiet)).isEqualTo(2);
        assertThat(ShoalBench.run(new String[] {"--help"}, quiet, quiet)).isZero();
    }
}
