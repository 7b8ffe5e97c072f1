package io.shoal.compose.merge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Go's {@code fmt.Sprint} of YAML values, for the places where compose-go turns values into text. */
public final class GoText {
  private GoText() {
  }

  @SuppressWarnings("unchecked")
  public static String sprint(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
        return new BigDecimal(d).toPlainString();
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "+Inf" : "-Inf";
      }
      if (Double.isNaN(d)) {
        return "NaN";
      }
      String s = Double.toString(d);
      if (s.contains("E")) {
        String[] p = s.split("E");
        int exp = Integer.parseInt(p[1]);
        String mant = p[0].endsWith(".0") ? p[0].substring(0, p[0].length() - 2) : p[0];
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
      }
      return s;
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
