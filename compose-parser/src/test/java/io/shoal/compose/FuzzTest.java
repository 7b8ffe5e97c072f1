package io.shoal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated corpus files, seeded: the parser returns a project or a {@link ComposeException} (never
 * an internal error), each input within a time bound, and alias bombs are refused quickly.
 */
class FuzzTest {
  /** A guard against hanging, not a performance bound: generous, since the suite may share a busy machine. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** Defaults keep the suite to a few seconds; -Dfuzz.rounds / -Dfuzz.seed run longer campaigns. */
  private static final long SEED = Long.getLong("fuzz.seed", 0x5b0a1L);
  private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 1500);
  private static final String[] SNIPPETS = {"&a ", "*a", "<<: *a", "!reset ", "!override ", "${", "${X:-${Y}}",
      "$$", "- ", ": ", "\t", "\"", "'", "{", "}", "[", "]", "#", "\n", "  ", "---\n", "~", "0x1F", "017",
      "extends: x", "include: [a.yaml]", "!!binary AAAA", "? ", "|\n", ">-\n", "\\u0000", "1e400", "-1"};

  @TempDir
  Path dir;

  @Test
  void mutatedCorpusFilesOnlyEverFailWithComposeException() throws IOException {
    List<String> sources = new ArrayList<>();
    for (Corpus.Case c : Corpus.cases()) {
      for (Path f : c.files()) {
        sources.add(Files.readString(c.cwd().resolve(f), StandardCharsets.UTF_8));
      }
    }
    Random random = new Random(SEED);
    Path file = dir.resolve("compose.yaml");
    int rejected = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutate(sources.get(random.nextInt(sources.size())), random);
      Files.writeString(file, input, StandardCharsets.UTF_8);
      String outcome = assertTimeoutPreemptively(HANG_GUARD, () -> parse(file), () -> "hangs on:\n" + input);
      assertThat(outcome).as("input:%n%s", input).doesNotStartWith("internal error");
      rejected += outcome.startsWith("rejected") ? 1 : 0;
    }
    assertThat(rejected).as("some mutations must be rejected").isPositive();
  }

  @Test
  void billionLaughsIsRefusedQuickly() throws IOException {
    StringBuilder sb = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      sb.append("x-").append(c).append(": &").append(c).append(" [");
      for (int k = 0; k < 9; k++) {
        sb.append(k == 0 ? "" : ",").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    sb.append("services:\n  web:\n    image: nginx\n");
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, sb.toString());
    String outcome = assertTimeoutPreemptively(HANG_GUARD, () -> parse(file));
    assertThat(outcome).startsWith("rejected").doesNotContain("internal error");
  }

  @Test
  void deeplyNestedInputIsRefusedNotCrashed() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "services:\n  web:\n    image: nginx\nx-deep: " + "[".repeat(50_000) + "]".repeat(50_000));
    String outcome = assertTimeoutPreemptively(HANG_GUARD, () -> parse(file));
    assertThat(outcome).isEqualTo("rejected");
  }

  @Test
  void anAnchorMergedIntoItselfIsRefusedNotExpandedForever() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "services:\n  web:\n    image: nginx\nvolumes:\n  data: &d\n    driver: local\n    <<: *d\n");
    String outcome = assertTimeoutPreemptively(HANG_GUARD, () -> parse(file));
    assertThat(outcome).isEqualTo("rejected");
  }

  private String parse(Path file) {
    ConfigOptions options = new ConfigOptions(List.of(file), List.of(), List.of(), Optional.empty(),
        Optional.of("fuzz"), "json");
    try {
      ComposeConfig.render(options, Map.of(), dir);
      return "accepted";
    } catch (ComposeException e) {
      return e.getMessage().startsWith("internal error") ? e.getMessage() : "rejected";
    }
  }

  private static String mutate(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0:
          sb.insert(at, SNIPPETS[r.nextInt(SNIPPETS.length)]);
          break;
        case 1:
          sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(20)));
          break;
        case 2:
          if (sb.length() > 0) {
            sb.setCharAt(at, (char) (32 + r.nextInt(95)));
          }
          break;
        case 3:
          int end = Math.min(sb.length(), at + r.nextInt(60));
          sb.insert(at, sb.substring(at, end));
          break;
        default:
          int nl = sb.indexOf("\n", at);
          if (nl >= 0) {
            sb.insert(nl + 1, "  ".repeat(r.nextInt(3)) + sb.substring(at, nl) + "\n");
          }
          break;
      }
    }
    return sb.toString();
  }
}
