package io.shoal.compose.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoValuesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1m,1m0s", "90s,1m30s", "1h,1h0m0s", "100us,100µs", "1.5s,1.5s", "0s,0s", "10ms,10ms",
      "1d,24h0m0s", "1h30m,1h30m0s", "2m3.5s,2m3.5s", "500ns,500ns"})
  void formatsDurationsAsGo(String in, String out) {
    assertThat(GoValues.formatDuration(GoValues.parseDuration(in))).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"50m,52428800", "1g,1073741824", "512k,524288", "100,100", "1gb,1073741824", "1.5k,1536"})
  void readsByteUnitsAsBinary(String in, long out) {
    assertThat(GoValues.ramInBytes(in)).isEqualTo(out);
  }

  @Test
  void splitsShellWords() {
    assertThat(GoValues.shellWords("sh -c 'echo \"hi there\"' a\\ b")).containsExactly("sh", "-c", "echo \"hi there\"", "a b");
    assertThat(GoValues.shellWords("")).isEqualTo(List.of());
  }
}
