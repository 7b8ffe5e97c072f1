package io.shoal.compose.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as plain values (LinkedHashMap, ArrayList, String, Long, Double, Boolean,
 * null), the line of every path in it, and the paths marked {@code !reset} or {@code !override}.
 */
public record YamlTree(String file, Map<String, Object> root, Map<String, Integer> lines,
    List<String> resetPaths) {

  /** The line of {@code path} or of its nearest ancestor that has one; 0 if none. */
  public int lineOf(String path) {
    String p = path;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      int cut = p.lastIndexOf('.');
      if (cut < 0) {
        return 0;
      }
      p = p.substring(0, cut);
    }
  }

  public static List<String> newPaths() {
    return new ArrayList<>();
  }
}
