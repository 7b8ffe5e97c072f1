package io.shoal.compose.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  private static final Map<String, String> ENV = Map.of("SET", "v", "EMPTY", "", "N", "SET");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "$SET|v", "${SET}|v", "${UNSET}|", "$$SET|$SET", "a$$b|a$b", "${SET:-d}|v", "${EMPTY:-d}|d",
      "${EMPTY-d}|", "${UNSET-d}|d", "${SET:+alt}|alt", "${EMPTY:+alt}|", "${EMPTY+alt}|alt",
      "${UNSET+alt}|", "${UNSET:-${SET}}|v", "${UNSET:-${UNSET2:-deep}}|deep", "${SET:?e}|v",
      "x${SET}y${SET}z|xvyvz", "$ 1|$ 1", "${UNSET:-a}:${SET}|a:v", "price: 5$|price: 5$"})
  void substitutes(String template, String expected) throws Exception {
    assertThat(Template.substitute(template, ENV::get)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "{0} fails: {1}")
  @CsvSource(delimiter = '|', value = {
      "${UNSET:?must be set}|required variable UNSET is missing a value: must be set",
      "${EMPTY:?}|required variable EMPTY is missing a value", "${UNSET?}|required variable UNSET is missing a value",
      "${}|Invalid template", "${SET|Invalid template", "${1A}|Invalid template"})
  void rejects(String template, String message) {
    assertThatThrownBy(() -> Template.substitute(template, ENV::get)).hasMessageContaining(message);
  }
}
