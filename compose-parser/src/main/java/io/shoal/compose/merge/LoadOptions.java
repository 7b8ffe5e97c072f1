package io.shoal.compose.merge;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one set of files is loaded: the environment for interpolation, the directory relative
 * paths resolve against, and which phases run (extends and include loads skip some).
 */
public record LoadOptions(Map<String, String> env, Path workingDir, boolean validate, boolean include,
    boolean extend, boolean defaults, boolean resolvePaths, List<String> included) {

  LoadOptions forExtends(Path dir) {
    return new LoadOptions(env, dir, false, false, false, false, false, included);
  }

  LoadOptions forInclude(Map<String, String> env2, Path dir, List<String> chain) {
    return new LoadOptions(env2, dir, validate, true, true, defaults, true, chain);
  }
}
