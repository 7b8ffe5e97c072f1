package io.shoal.compose.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/** Plain-scalar resolution as go-yaml v4 does it: YAML 1.2 core plus 1.1 octals and timestamps. */
final class Scalars {
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  /** go-yaml's timestamp forms: date; date[Tt]time with zone; "date time" without zone. */
  private static final Pattern TIMESTAMP = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
      + "(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))"
      + "|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?))?");

  private Scalars() {
  }

  /**
   * A scalar's value. Plain scalars are resolved as go-yaml does unless an explicit {@code !!str}
   * tag says otherwise (an explicit tag is one the parser's own resolver would not have chosen).
   */
  static Object resolve(ScalarNode node, String tag, ScalarResolver resolver) {
    String v = node.getValue();
    boolean typed = tag.endsWith(":int") || tag.endsWith(":float") || tag.endsWith(":bool") || tag.endsWith(":null");
    if (!node.isPlain()) {
      return typed ? plain(v) : v;
    }
    boolean implicit = resolver.resolve(v, true).getValue().equals(tag);
    if (!implicit && tag.endsWith(":str")) {
      return v;
    }
    return plain(v);
  }

  /** Go's strconv.ParseInt(s, 0, 64): sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal. */
  private static Long goInt(String s) {
    boolean neg = s.startsWith("-");
    String d = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    int radix = 10;
    if (d.length() > 2 && d.charAt(0) == '0' && "xXoObB".indexOf(d.charAt(1)) >= 0) {
      char p = Character.toLowerCase(d.charAt(1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      d = d.substring(2);
    } else if (d.length() > 1 && d.charAt(0) == '0') {
      radix = 8;
      d = d.substring(1);
    }
    if (d.isEmpty() || d.startsWith("+") || d.startsWith("-")) {
      return null;
    }
    try {
      return Long.parseLong((neg ? "-" : "") + d, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Go's strconv.ParseUint(s, 0, 64) for values past int64 (go-yaml then yields a uint64). */
  private static java.math.BigInteger goUint(String s) {
    if (s.startsWith("-") || s.startsWith("+") || !s.chars().allMatch(Character::isLetterOrDigit)) {
      return null;
    }
    try {
      java.math.BigInteger b = new java.math.BigInteger(s);
      return b.bitLength() <= 64 ? b : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Object plain(String v) {
    switch (v) {
      case "": case "~": case "null": case "Null": case "NULL":
        return null;
      case "true": case "True": case "TRUE":
        return Boolean.TRUE;
      case "false": case "False": case "FALSE":
        return Boolean.FALSE;
      case ".inf": case ".Inf": case ".INF": case "+.inf": case "+.Inf": case "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf": case "-.Inf": case "-.INF":
        return Double.NEGATIVE_INFINITY;
      case ".nan": case ".NaN": case ".NAN":
        return Double.NaN;
      default:
        break;
    }
    char first = v.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '+') {
      String ts = timestamp(v);
      if (ts != null) {
        return ts;
      }
      String plain = v.replace("_", "");
      Long n = goInt(plain);
      if (n != null) {
        return n;
      }
      java.math.BigInteger u = goUint(plain);
      if (u != null) {
        return u;
      }
      if (FLOAT.matcher(plain).matches()) {
        return Double.parseDouble(plain);
      }
      return v;
    }
    if (first == '.' && FLOAT.matcher(v).matches()) {
      return Double.parseDouble(v);
    }
    return v;
  }

  /** A YAML timestamp as Go prints the time.Time go-yaml makes of it; null if {@code v} is none. */
  static String timestamp(String v) {
    Matcher m = TIMESTAMP.matcher(v);
    if (!m.matches()) {
      return null;
    }
    String date = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
    boolean t = m.group(4) != null;
    if (!t && m.group(9) == null) {
      return date + " 00:00:00 +0000 UTC";
    }
    int g = t ? 4 : 9;
    String frac = m.group(g + 3) == null ? "" : m.group(g + 3).replaceAll("0+$", "");
    String time = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", Integer.parseInt(m.group(g)),
        Integer.parseInt(m.group(g + 1)), Integer.parseInt(m.group(g + 2))) + (frac.length() > 1 ? frac : "");
    String zone = t ? m.group(8) : "Z";
    if (zone.equals("Z")) {
      return date + " " + time + " +0000 UTC";
    }
    String off = zone.replace(":", "");
    return date + " " + time + " " + off + " " + off;
  }
}
