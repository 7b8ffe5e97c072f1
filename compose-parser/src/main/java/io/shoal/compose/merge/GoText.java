package io.shoal.compose.merge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Go's {@code fmt.Sprint} of YAML values, for the places where compose-go turns values into text. */
public final class GoText {
  private GoText() {
  }

  /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 or from 1e6 (strconv %g, shortest). */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = b.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - b.scale();
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    return sign + b.abs().toPlainString();
  }

  @SuppressWarnings("unchecked")
  public static String sprint(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double) {
      return formatFloat((Double) v);
    }
    if (v instanceof List) {
      StringBuilder sb = new StringBuilder("[");
      List<Object> l = (List<Object>) v;
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(sprint(l.get(i)));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Map) {
      StringBuilder sb = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : new java.util.TreeMap<>((Map<String, Object>) v).entrySet()) {
        sb.append(first ? "" : " ").append(e.getKey()).append(':').append(sprint(e.getValue()));
        first = false;
      }
      return sb.append(']').toString();
    }
    return v.toString();
  }
}
