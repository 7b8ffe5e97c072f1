package io.shoal.compose.canonical;

import io.shoal.compose.ComposeException;
import io.shoal.compose.merge.GoText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The leaf kinds of {@link GoModel}: decoded as compose-go's DecodeMapstructure hooks do. */
final class GoScalars {
  private GoScalars() {
  }

  @SuppressWarnings("unchecked")
  static Object convert(String k, Object v, String path) throws ComposeException {
    switch (k) {
      case "str":
        return v == null ? "" : v instanceof String ? v : GoText.sprint(v);
      case "int":
        if (v instanceof Long) {
          return v;
        }
        if (v instanceof Double) {
          return ((Double) v).longValue();
        }
        if (v == null) {
          return 0L;
        }
        return Long.parseLong(String.valueOf(v).trim());
      case "float":
      case "cpus":
        if (v instanceof Number) {
          return toFloat32(((Number) v).doubleValue());
        }
        return toFloat32(Double.parseDouble(String.valueOf(v)));
      case "bool":
      case "optout":
        if (v instanceof Boolean) {
          return k.equals("optout") ? ((Boolean) v ? null : Boolean.FALSE) : v;
        }
        return k.equals("optout") ? null : Boolean.parseBoolean(String.valueOf(v));
      case "dur":
        return GoValues.formatDuration(GoValues.parseDuration(GoText.sprint(v)));
      case "bytes":
        if (v instanceof Long) {
          return Long.toString((Long) v);
        }
        String s = String.valueOf(v);
        try {
          return Long.toString(Long.parseLong(s));
        } catch (NumberFormatException e) {
          return Long.toString(GoValues.ramInBytes(s));
        }
      case "count":
        if (v instanceof String) {
          return ((String) v).equalsIgnoreCase("all") ? -1L : Long.parseLong((String) v);
        }
        return v;
      case "mode":
        long mode = v instanceof String ? Long.parseLong((String) v, 8) : ((Number) v).longValue();
        return "0" + Long.toOctalString(mode);
      case "cmd":
        if (v == null) {
          return null;
        }
        if (v instanceof String) {
          return new ArrayList<Object>(GoValues.shellWords((String) v));
        }
        return strings(v);
      case "hctest":
        if (v instanceof String) {
          return new ArrayList<Object>(List.of("CMD-SHELL", v));
        }
        return strings(v);
      case "strs":
      case "nums":
        if (v instanceof String) {
          return new ArrayList<Object>(List.of(v));
        }
        return strings(v);
      case "map":
      case "labels":
        return mapping(v, false);
      case "mwe":
        return mapping(v, true);
      case "multi":
        Map<String, Object> multi = new TreeMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
          multi.put(e.getKey(), e.getValue() instanceof List ? strings(e.getValue())
              : new ArrayList<Object>(List.of(GoText.sprint(e.getValue()))));
        }
        return multi;
      case "hosts":
        return hosts(v);
      case "ulimit":
        if (v instanceof Number) {
          return ((Number) v).longValue();
        }
        Map<String, Object> u = new LinkedHashMap<>();
        Map<String, Object> um = (Map<String, Object>) v;
        for (String f : List.of("soft", "hard")) {
          Object x = um.get(f);
          if (x instanceof Number && ((Number) x).longValue() != 0) {
            u.put(f, ((Number) x).longValue());
          }
        }
        return u;
      case "ssh":
        return strings(v);
      default:
        return v;
    }
  }

  private static Object toFloat32(double d) {
    float f = (float) d;
    return new java.math.BigDecimal(Float.toString(f)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  static List<Object> strings(Object v) {
    List<Object> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object e : (List<Object>) v) {
        out.add(e instanceof String ? e : GoText.sprint(e));
      }
    } else if (v != null) {
      out.add(GoText.sprint(v));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapping(Object v, boolean withEquals) throws ComposeException {
    Map<String, Object> out = new TreeMap<>();
    if (v instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        Object x = e.getValue();
        out.put(e.getKey(), x == null ? (withEquals ? null : "") : x instanceof String ? x : GoText.sprint(x));
      }
    } else if (v instanceof List) {
      for (Object e : (List<Object>) v) {
        String s = GoText.sprint(e);
        int eq = s.indexOf('=');
        String key = eq < 0 ? s : s.substring(0, eq);
        if (withEquals && !key.isEmpty() && Character.isWhitespace(key.charAt(key.length() - 1))) {
          throw new ComposeException("environment variable " + key + " is declared with a trailing space");
        }
        out.put(key, eq < 0 ? (withEquals ? null : "") : s.substring(eq + 1));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> hosts(Object v) throws ComposeException {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (v instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        List<String> ips = new ArrayList<>();
        Object x = e.getValue() == null ? "" : e.getValue();
        if (x instanceof List) {
          for (Object i : (List<Object>) x) {
            ips.add(GoText.sprint(i));
          }
        } else {
          ips.add(GoText.sprint(x));
        }
        h.put(e.getKey(), ips);
      }
    } else if (v instanceof List) {
      for (Object e : (List<Object>) v) {
        String s = GoText.sprint(e);
        int cut = s.indexOf('=');
        if (cut < 0) {
          cut = s.indexOf(':');
        }
        if (cut < 0) {
          throw new ComposeException("invalid additional host, missing IP: " + s);
        }
        h.computeIfAbsent(s.substring(0, cut), x -> new ArrayList<>()).add(s.substring(cut + 1));
      }
    }
    List<String> list = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : h.entrySet()) {
      if (e.getKey().isEmpty() || e.getKey().contains(":") || e.getKey().contains("=")) {
        throw new ComposeException("bad host name '" + e.getKey() + "'");
      }
      for (String ip : e.getValue()) {
        if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
          ip = ip.substring(1, ip.length() - 1);
        }
        list.add(e.getKey() + "=" + ip);
      }
    }
    Collections.sort(list);
    return new ArrayList<>(list);
  }
}
