package io.shoal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the shared corpus: valid inputs must print JSON equal to compose-go v2.13's (and in
 * fact the same bytes: Go's field order, key order, escaping and number format),
 * rejected inputs must be rejected, naming the file where the oracle's error names one.
 */
class CorpusTest {

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    return Corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.group() + "/" + c.id(), () -> {
      if (c.valid()) {
        String out = c.run();
        assertThat(c.matches(out)).as("%s output:%n%s", c.id(), out).isTrue();
        // stronger than the goal (equal as parsed JSON): the very bytes docker compose prints
        assertThat(out).as("%s bytes", c.id()).isEqualTo(Files.readString(c.expected()));
        assertThatCode(() -> ComposeConfig.load(c.options(), c.env(), c.cwd()).typedServices())
            .as("typed view of %s", c.id()).doesNotThrowAnyException();
      } else {
        String expected = Files.readString(c.expected());
        assertThatThrownBy(c::run).isInstanceOf(ComposeException.class).satisfies(e -> {
          String file = fileNamedBy(expected);
          if (file != null) {
            assertThat(e.getMessage()).contains(file);
          }
        });
      }
    }));
  }

  /** The compose file's base name when the oracle's message names one ("validating …/x.yaml:"). */
  private static String fileNamedBy(String error) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?:validating|failed to parse) \\S*?([^/\\s]+\\.ya?ml)").matcher(error);
    return m.find() && !error.contains("\n----\n") ? m.group(1) : null;
  }
}
