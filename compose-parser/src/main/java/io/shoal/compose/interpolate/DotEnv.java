package io.shoal.compose.interpolate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The .env format as compose-go's dotenv reads it: export, quotes, escapes, inheritance, ${VAR}. */
public final class DotEnv {
  private static final Pattern ESCAPES = Pattern.compile("\\\\(?:[abcfnrtv$\"\\\\]|0\\d{0,3})");
  private static final Pattern EXPORT = Pattern.compile("^export\\s+");

  private int line = 1;

  private DotEnv() {
  }

  /** Thrown with a message {@code line N: what}. */
  public static final class DotEnvException extends Exception {
    private static final long serialVersionUID = 1L;

    DotEnvException(String message) {
      super(message);
    }
  }

  /** Parses {@code src} into {@code out}; lookup resolves inherited keys and ${VAR} (null if unset). */
  public static void parse(String src, Map<String, String> out, Function<String, String> lookup)
      throws DotEnvException {
    if (src.startsWith("\uFEFF")) {
      src = src.substring(1);
    }
    new DotEnv().run(src, out, lookup);
  }

  public static Map<String, String> parse(String src, Function<String, String> lookup) throws DotEnvException {
    Map<String, String> out = new LinkedHashMap<>();
    parse(src, out, lookup);
    return out;
  }

  private void run(String src, Map<String, String> out, Function<String, String> lookup)
      throws DotEnvException {
    String cut = src;
    while (true) {
      cut = statementStart(cut);
      if (cut.isEmpty()) {
        return;
      }
      if (EXPORT.matcher(cut).find()) {
        cut = trimLeftSpace(cut.substring("export".length()));
      }
      int offset = 0;
      String key = null;
      boolean inherited = false;
      int i = 0;
      while (i < cut.length()) {
        int cp = cut.codePointAt(i);
        if (isSpace(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        if (cp == '=' || cp == ':' || cp == '\n') {
          key = cut.substring(0, i);
          offset = i + 1;
          inherited = cp == '\n';
          break;
        }
        if (!(cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']'
            || Character.isLetter(cp) || Character.isDigit(cp))) {
          throw new DotEnvException("line " + line + ": unexpected character \""
              + new String(Character.toChars(cp)) + "\" in variable name \"" + cut.split("\n", -1)[0] + "\"");
        }
        i += Character.charCount(cp);
      }
      if (key == null) {
        key = cut;
        offset = cut.length();
        inherited = true;
      }
      if (inherited && key.indexOf(' ') < 0) {
        line++;
      }
      key = key.stripTrailing();
      String rest = trimLeftSpace(cut.substring(Math.min(offset, cut.length())));
      if (key.contains(" ")) {
        throw new DotEnvException("line " + line + ": key cannot contain a space");
      }
      if (inherited) {
        String v = lookup.apply(key);
        if (v != null) {
          out.put(key, v);
        }
        cut = rest;
        continue;
      }
      cut = value(key, rest, out, lookup);
    }
  }

  private String value(String key, String src, Map<String, String> out, Function<String, String> lookup)
      throws DotEnvException {
    char quote = src.isEmpty() ? 0 : src.charAt(0);
    if (quote != '"' && quote != '\'') {
      int nl = src.indexOf('\n');
      String v = nl < 0 ? src : src.substring(0, nl);
      String rest = nl < 0 ? "" : src.substring(nl + 1);
      line++;
      int hash = v.indexOf(" #");
      if (hash >= 0) {
        v = v.substring(0, hash);
      }
      out.put(key, expand(v.stripTrailing(), out, lookup));
      return rest;
    }
    boolean escape = false;
    StringBuilder chars = new StringBuilder();
    for (int i = 1; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c != quote) {
        if (!escape && c == '\\') {
          escape = true;
          continue;
        }
        if (escape) {
          escape = false;
          chars.append('\\');
        }
        chars.append(c);
        continue;
      }
      if (escape) {
        escape = false;
        chars.append(c);
        continue;
      }
      String v = chars.toString();
      if (quote == '"') {
        v = expand(escapes(v), out, lookup);
      }
      out.put(key, v);
      return src.substring(i + 1);
    }
    int nl = src.indexOf('\n');
    throw new DotEnvException("line " + line + ": unterminated quoted value " + (nl < 0 ? src : src.substring(0, nl)));
  }

  private static String escapes(String s) {
    Matcher m = ESCAPES.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String g = m.group();
      String r;
      switch (g.charAt(1)) {
        case '$': r = "$$"; break;
        case 'a': r = "\u0007"; break;
        case 'b': r = "\b"; break;
        case 'f': r = "\f"; break;
        case 'n': r = "\n"; break;
        case 'r': r = "\r"; break;
        case 't': r = "\t"; break;
        case 'v': r = "\u000b"; break;
        case '"': r = "\""; break;
        case '\\': r = "\\"; break;
        default:
          String oct = g.substring(2);
          r = oct.length() == 3 ? String.valueOf((char) Integer.parseInt(oct, 8)) : g;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String expand(String v, Map<String, String> out, Function<String, String> lookup)
      throws DotEnvException {
    try {
      return Template.substitute(v, k -> {
        String x = lookup.apply(k);
        return x != null ? x : out.get(k);
      });
    } catch (Template.TemplateException e) {
      throw new DotEnvException(e.getMessage());
    }
  }

  private String statementStart(String src) {
    while (true) {
      int pos = -1;
      for (int i = 0; i < src.length(); i++) {
        char c = src.charAt(i);
        if (c == '\n') {
          line++;
        }
        if (!Character.isWhitespace(c) && c != '\u0085' && c != '\u00a0') {
          pos = i;
          break;
        }
      }
      if (pos < 0) {
        return "";
      }
      src = src.substring(pos);
      if (src.charAt(0) != '#') {
        return src;
      }
      int nl = src.indexOf('\n');
      if (nl < 0) {
        return "";
      }
      src = src.substring(nl);
    }
  }

  private static String trimLeftSpace(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private static boolean isSpace(int c) {
    return c == '\t' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
  }
}
