package io.shoal.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shared compose corpus (test resources): each case's inputs, how it was run and the oracle's answer. */
final class Corpus {
  static final ObjectMapper MAPPER = new ObjectMapper();

  record Case(String id, String group, boolean valid, Path dir, Path cwd, List<Path> files, List<Path> envFiles,
      List<String> profiles, Map<String, String> env, Path expected) {

    ConfigOptions options() {
      return new ConfigOptions(files, envFiles, profiles, Optional.empty(), Optional.empty(), "json");
    }

    /** Runs the case; the JSON with this case's folder written as {@code <CASE_DIR>}. */
    String run() throws ComposeException {
      String out = ComposeConfig.render(options(), env, cwd);
      return out.replace(dir.toAbsolutePath().normalize().toString(), "<CASE_DIR>");
    }

    boolean matches(String actual) throws IOException {
      JsonNode want = MAPPER.readTree(Files.readString(expected));
      JsonNode got = MAPPER.readTree(actual);
      return want.equals((a, b) -> a.isNumber() && b.isNumber()
          ? Double.compare(a.asDouble(), b.asDouble()) : (a.equals(b) ? 0 : 1), got);
    }
  }

  private Corpus() {
  }

  static Path root() {
    try {
      return Path.of(Corpus.class.getResource("/compose-corpus/cases.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> cases() throws IOException {
    Path root = root();
    List<Case> out = new ArrayList<>();
    for (JsonNode c : MAPPER.readTree(root.resolve("cases.json").toFile())) {
      Path dir = root.resolve(c.get("dir").asText());
      Path cwd = dir.resolve(c.get("cwd").asText()).normalize();
      List<Path> files = new ArrayList<>();
      c.get("files").forEach(f -> files.add(Path.of(f.asText())));
      List<Path> envFiles = new ArrayList<>();
      c.get("env_files").forEach(f -> envFiles.add(Path.of(f.asText())));
      List<String> profiles = new ArrayList<>();
      c.get("profiles").forEach(f -> profiles.add(f.asText()));
      Map<String, String> env = new HashMap<>();
      c.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      out.add(new Case(c.get("id").asText(), c.get("group").asText(), "valid".equals(c.get("expect").asText()),
          dir, cwd, files, envFiles, profiles, env, dir.resolve(c.get("expected").asText())));
    }
    return out;
  }
}
