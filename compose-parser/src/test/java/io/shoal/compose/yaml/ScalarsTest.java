package io.shoal.compose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** go-yaml v4's reading of plain scalars, which mixes YAML 1.1 and 1.2. */
class ScalarsTest {
  @Test
  void readsNumbersAsGoYamlDoes() {
    assertThat(Scalars.plain("017")).isEqualTo(15L);
    assertThat(Scalars.plain("0o17")).isEqualTo(15L);
    assertThat(Scalars.plain("0x1F")).isEqualTo(31L);
    assertThat(Scalars.plain("0b101")).isEqualTo(5L);
    assertThat(Scalars.plain("1_000")).isEqualTo(1000L);
    assertThat(Scalars.plain("+7")).isEqualTo(7L);
    assertThat(Scalars.plain("1e3")).isEqualTo(1000.0);
    assertThat(Scalars.plain(".5")).isEqualTo(0.5);
    assertThat(Scalars.plain("12345678901234567890")).isEqualTo(new BigInteger("12345678901234567890"));
  }

  @Test
  void keepsYaml11WordsAsStrings() {
    assertThat(Scalars.plain("yes")).isEqualTo("yes");
    assertThat(Scalars.plain("on")).isEqualTo("on");
    assertThat(Scalars.plain("True")).isEqualTo(true);
    assertThat(Scalars.plain("~")).isNull();
  }

  @Test
  void printsTimestampsAsGoTime() {
    assertThat(Scalars.plain("2001-12-14")).isEqualTo("2001-12-14 00:00:00 +0000 UTC");
    assertThat(Scalars.plain("2001-12-14t21:59:43.10-05:00")).isEqualTo("2001-12-14 21:59:43.1 -0500 -0500");
    assertThat(Scalars.plain("2001-12-14 21:59:43.10")).isEqualTo("2001-12-14 21:59:43.1 +0000 UTC");
    assertThat(Scalars.plain("2001-12-14 21:59:43.10 -5")).isEqualTo("2001-12-14 21:59:43.10 -5");
  }
}
