package io.shoal.compose.yaml;

import java.util.Arrays;

/** A dotted path in a compose tree ({@code services.web.ports.0}) and {@code *} patterns over it. */
public final class TreePath {
  private TreePath() {
  }

  /** A dot inside a key is kept apart from the separator. */
  static final char DOT = '\u2024';

  public static String next(String path, String key) {
    String k = key.replace('.', DOT);
    return path.isEmpty() ? k : path + "." + k;
  }

  /** The path as a reader would write it. */
  public static String display(String path) {
    return path.replace(DOT, '.');
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The parts of a constant pattern, split once. */
  public static String[] pattern(String pattern) {
    return PATTERNS.computeIfAbsent(pattern, TreePath::parts);
  }

  public static String[] parts(String path) {
    return path.isEmpty() ? new String[0] : path.split("\\.", -1);
  }

  /** True when {@code path} has as many parts as {@code pattern} and each equals or is {@code *}. */
  public static boolean matches(String[] path, String[] pattern) {
    if (path.length != pattern.length) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  public static boolean matches(String path, String pattern) {
    return matches(parts(path), pattern(pattern));
  }

  public static String[] append(String[] path, String key) {
    String[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = key;
    return out;
  }
}
