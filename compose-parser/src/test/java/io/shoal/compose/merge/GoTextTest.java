package io.shoal.compose.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTextTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1.5,1.5", "100.0,100", "1000000.0,1e+06", "123456.0,123456", "0.0001,0.0001", "0.00001,1e-05",
      "-2.25,-2.25", "1.0E21,1e+21"})
  void printsFloatsAsGoSprint(double in, String out) {
    assertThat(GoText.sprint(in)).isEqualTo(out);
  }
}
