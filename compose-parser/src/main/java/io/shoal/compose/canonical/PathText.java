package io.shoal.compose.canonical;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} and {@code filepath.Join} for slash-separated paths. */
public final class PathText {
  private PathText() {
  }

  public static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast("..");
        }
        continue;
      }
      out.addLast(part);
    }
    String s = String.join("/", out);
    if (rooted) {
      return "/" + s;
    }
    return s.isEmpty() ? "." : s;
  }

  public static String join(String base, String rel) {
    if (rel.isEmpty()) {
      return clean(base);
    }
    return clean(base + "/" + rel);
  }

  public static boolean isAbs(String p) {
    return p.startsWith("/");
  }
}
