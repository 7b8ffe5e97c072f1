package io.shoal.compose.interpolate;

import java.util.function.Function;

/**
 * Bash-style substitution as compose-go's template package does it: {@code $$}, {@code $VAR},
 * {@code ${VAR}}, {@code :-}, {@code -}, {@code :?}, {@code ?}, {@code :+}, {@code +}, nested.
 * Lookup returns null for an unset variable.
 */
public final class Template {
  private static final String[] OPS = {":?", "?", ":-", "-", ":+", "+"};

  private Template() {
  }

  /** Thrown for an invalid template or a missing required variable. */
  public static final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    TemplateException(String message) {
      super(message);
    }
  }

  public static String substitute(String s, Function<String, String> lookup) throws TemplateException {
    if (s.indexOf('$') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      char d = s.charAt(i + 1);
      if (d == '$') {
        out.append('$');
        i += 2;
      } else if (isNameStart(d)) {
        int j = nameEnd(s, i + 1);
        String v = lookup.apply(s.substring(i + 1, j));
        out.append(v == null ? "" : v);
        i = j;
      } else if (d == '{') {
        i = braced(s, i, lookup, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int braced(String s, int i, Function<String, String> lookup, StringBuilder out)
      throws TemplateException {
    int start = i + 2;
    int j = start < s.length() && isNameStart(s.charAt(start)) ? nameEnd(s, start) : start;
    if (j == start) {
      throw new TemplateException("Invalid template: \"" + s + "\"");
    }
    String name = s.substring(start, j);
    if (j < s.length() && s.charAt(j) == '}') {
      String v = lookup.apply(name);
      out.append(v == null ? "" : v);
      return j + 1;
    }
    int k = j;
    if (k < s.length() && s.charAt(k) == ':') {
      k++;
    }
    boolean op = k < s.length() && "-+?".indexOf(s.charAt(k)) >= 0 && s.indexOf('}', k) >= 0;
    if (!op) {
      throw new TemplateException("Invalid template: \"" + s + "\"");
    }
    int close = closingBrace(s, i);
    if (close < 0) {
      throw new TemplateException("Invalid template: \"" + s + "\"");
    }
    String substitution = s.substring(start, close);
    out.append(apply(substitution, lookup));
    return close + 1;
  }

  private static String apply(String substitution, Function<String, String> lookup)
      throws TemplateException {
    String sep = null;
    int best = Integer.MAX_VALUE;
    for (String op : OPS) {
      int idx = substitution.indexOf(op);
      if (idx >= 0 && idx < best) {
        best = idx;
        sep = op;
      }
    }
    String name = substitution.substring(0, best);
    String arg = substitution.substring(best + sep.length());
    String value = lookup.apply(name);
    switch (sep) {
      case ":?":
      case "?":
        if (value == null || (sep.equals(":?") && value.isEmpty())) {
          String reason = substitute(arg, lookup);
          throw new TemplateException("required variable " + name + " is missing a value"
              + (reason.isEmpty() ? "" : ": " + reason));
        }
        return value;
      case ":-":
      case "-":
        if (value == null || (sep.equals(":-") && value.isEmpty())) {
          return substitute(arg, lookup);
        }
        return value;
      default:
        if (value != null && (sep.equals("+") || !value.isEmpty())) {
          return substitute(arg, lookup);
        }
        return value == null ? "" : value;
    }
  }

  private static int closingBrace(String s, int from) {
    int open = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '}') {
        open--;
        if (open == 0) {
          return i;
        }
      }
      if (c == '{') {
        open++;
        i++;
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int nameEnd(String s, int from) {
    int j = from;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (!(isNameStart(c) || (c >= '0' && c <= '9'))) {
        break;
      }
      j++;
    }
    return j;
  }
}
