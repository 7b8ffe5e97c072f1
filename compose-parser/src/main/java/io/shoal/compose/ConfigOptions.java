package io.shoal.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The arguments of {@code shoal compose config}: files, env files, profiles, directory, name, format. */
public record ConfigOptions(List<Path> files, List<Path> envFiles, List<String> profiles,
    Optional<Path> projectDirectory, Optional<String> projectName, String format /* "json" | "yaml" */) {

  public ConfigOptions {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = List.copyOf(profiles);
    format = format == null ? "json" : format;
  }
}
