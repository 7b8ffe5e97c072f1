package io.shoal.compose;

import io.shoal.compose.interpolate.DotEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project environment: .env / --env-file under the process environment, and default file names. */
final class Environment {
  private static final List<String> DEFAULT = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
      "docker-compose.yaml");
  private static final List<String> OVERRIDE = List.of("compose.override.yaml", "compose.override.yml",
      "docker-compose.override.yml", "docker-compose.override.yaml");

  private Environment() {
  }

  /** Adds the variables of {@code files} that the environment does not already set. */
  static void loadEnvFiles(Map<String, String> env, List<Path> files) throws ComposeException {
    Map<String, String> fromFiles = new LinkedHashMap<>();
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new ComposeException("couldn't find env file: " + f);
      }
      if (Files.isDirectory(f)) {
        throw new ComposeException(f + " is a directory");
      }
      try {
        DotEnv.parse(Files.readString(f, StandardCharsets.UTF_8), fromFiles,
            k -> env.containsKey(k) ? env.get(k) : fromFiles.get(k));
      } catch (IOException e) {
        throw new ComposeException("couldn't read env file: " + f);
      } catch (DotEnv.DotEnvException e) {
        throw new ComposeException(f + ":" + e.getMessage().replaceFirst("^line (\\d+): ", "$1: ")
            + " (failed to read " + f + ")");
      }
    }
    fromFiles.forEach(env::putIfAbsent);
  }

  /** The first default compose file found from {@code dir} upwards, plus its override file. */
  static List<Path> defaultFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String n : DEFAULT) {
        if (Files.exists(d.resolve(n))) {
          out.add(d.resolve(n));
          for (String o : OVERRIDE) {
            if (Files.exists(d.resolve(o))) {
              out.add(d.resolve(o));
              break;
            }
          }
          return out;
        }
      }
    }
    return out;
  }
}
