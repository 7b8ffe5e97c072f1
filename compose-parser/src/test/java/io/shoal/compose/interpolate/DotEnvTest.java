package io.shoal.compose.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {
  @Test
  void readsQuotesExportCommentsAndSubstitutions() throws Exception {
    String src = "\uFEFF# comment\nexport A=1\nB = two words # trailing\nC='single $A'\nD=\"double ${A}\\n\"\n"
        + "E=\"multi\nline\"\nINHERIT\nF=${B}-x\n";
    Map<String, String> out = DotEnv.parse(src, Map.of("INHERIT", "from-env")::get);
    assertThat(out).containsEntry("A", "1").containsEntry("B", "two words").containsEntry("C", "single $A")
        .containsEntry("D", "double 1\n").containsEntry("E", "multi\nline").containsEntry("INHERIT", "from-env")
        .containsEntry("F", "two words-x");
  }

  @Test
  void namesTheLineOfABadKey() {
    assertThatThrownBy(() -> DotEnv.parse("OK=1\nBAD KEY=2\n", k -> null))
        .hasMessageStartingWith("line 2:");
  }
}
