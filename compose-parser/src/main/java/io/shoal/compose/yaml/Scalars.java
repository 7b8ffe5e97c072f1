package io.shoal.compose.yaml;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/** Plain-scalar resolution as go-yaml v4 does it: YAML 1.2 core plus 1.1 octals and timestamps. */
final class Scalars {
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

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
    try {
      if (INT.matcher(v).matches()) {
        String digits = v.replaceFirst("^[-+]", "");
        boolean neg = v.startsWith("-");
        if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
          long n = Long.parseLong(digits, 8);
          return neg ? -n : n;
        }
        return Long.parseLong(v);
      }
      if (OCT.matcher(v).matches()) {
        return Long.parseLong(v.substring(2), 8);
      }
      if (HEX.matcher(v).matches()) {
        return Long.parseLong(v.substring(2), 16);
      }
      if (FLOAT.matcher(v).matches()) {
        return Double.parseDouble(v);
      }
    } catch (NumberFormatException e) {
      return v;
    }
    if (DATE.matcher(v).matches()) {
      return v + " 00:00:00 +0000 UTC";
    }
    return v;
  }
}
