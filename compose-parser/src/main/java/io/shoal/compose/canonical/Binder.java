package io.shoal.compose.canonical;

import io.shoal.compose.ComposeException;
import io.shoal.compose.merge.GoText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binds the canonical tree to {@link GoModel}'s types and marshals it as Go's encoding/json would:
 * zero values omitted, durations and byte sizes formatted, non-pointer structs always present,
 * unknown and {@code x-*} keys dropped.
 */
public final class Binder {
  /** Marks a field that Go would omit. */
  static final Object OMIT = new Object();

  private Binder() {
  }

  /** Marshals {@code value} as struct {@code name}. */
  public static Map<String, Object> struct(String name, Object value, String path) throws ComposeException {
    Object out = bind("S:" + name, value, path, true);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = out instanceof Map ? (Map<String, Object>) out : new LinkedHashMap<>();
    return m;
  }

  @SuppressWarnings("unchecked")
  static Object bind(String kind, Object v, String path, boolean present) throws ComposeException {
    boolean pointer = kind.startsWith("*");
    boolean keep = kind.endsWith("!");
    String k = kind.replace("*", "").replace("!", "");
    if (k.equals("optout")) {
      return present && Boolean.FALSE.equals(v) ? Boolean.FALSE : OMIT;
    }
    if (!pointer && k.startsWith("S:") && (!present || v == null)) {
      return convert(k, null, path, false);
    }
    if (!present || (v == null && pointer)) {
      return keep && !present ? zero(k) : OMIT;
    }
    Object out;
    try {
      out = convert(k, v, path, pointer);
    } catch (ComposeException e) {
      if (e.attributePath() == null && !e.getMessage().startsWith("/")) {
        throw new ComposeException(e.getMessage(), path);
      }
      throw e;
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ComposeException(io.shoal.compose.yaml.TreePath.display(path) + ": " + e.getMessage(), path);
    }
    if (!pointer && !keep && isZero(out, k)) {
      return OMIT;
    }
    return out;
  }

  private static Object zero(String k) {
    switch (k) {
      case "str": return "";
      case "int": return 0L;
      case "bool": return Boolean.FALSE;
      default: return null;
    }
  }

  private static boolean isZero(Object o, String k) {
    if (k.startsWith("S:")) {
      return false;
    }
    if (o == null) {
      return true;
    }
    if (o instanceof String) {
      return ((String) o).isEmpty() || (k.equals("dur") && o.equals("0s")) || (k.equals("bytes") && o.equals("0"));
    }
    if (o instanceof Long) {
      return (Long) o == 0L;
    }
    if (o instanceof Double) {
      return (Double) o == 0.0;
    }
    if (o instanceof Boolean) {
      return !(Boolean) o;
    }
    if (o instanceof List) {
      return ((List<?>) o).isEmpty();
    }
    if (o instanceof Map) {
      return ((Map<?, ?>) o).isEmpty();
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Object convert(String k, Object v, String path, boolean pointer) throws ComposeException {
    if (k.startsWith("S:")) {
      String name = k.substring(2);
      Map<String, String> fields = GoModel.STRUCTS.get(name);
      Map<String, Object> src = v instanceof Map ? (Map<String, Object>) v : Map.of();
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, String> f : fields.entrySet()) {
        String key = f.getKey();
        String outKey = key;
        int gt = key.indexOf('>');
        if (gt >= 0) {
          outKey = key.substring(gt + 1);
          key = key.substring(0, gt);
        }
        Object value = src.get(key);
        boolean has = src.containsKey(key);
        if (!has && gt >= 0) {
          has = src.containsKey(outKey);
          value = src.get(outKey);
        }
        Object b = bind(f.getValue(), value, io.shoal.compose.yaml.TreePath.next(path, key), has);
        if (b != OMIT) {
          out.put(outKey, b);
        }
      }
      return out;
    }
    if (k.startsWith("[")) {
      String inner = k.substring(1, k.length() - 1);
      List<Object> out = new ArrayList<>();
      if (v instanceof List) {
        int i = 0;
        for (Object e : (List<Object>) v) {
          Object b = bind(inner.startsWith("*") ? inner : "*" + inner, e, path + "." + i++, true);
          out.add(b == OMIT ? null : b);
        }
      }
      return out;
    }
    if (k.startsWith("{")) {
      String inner = k.substring(1, k.length() - 1);
      Map<String, Object> out = new TreeMap<>();
      if (v instanceof Map) {
        for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
          if (e.getValue() == null && inner.startsWith("*")) {
            out.put(e.getKey(), null);
            continue;
          }
          Object b = bind(inner.startsWith("*") ? inner : "*" + inner, e.getValue(), io.shoal.compose.yaml.TreePath.next(path, e.getKey()), true);
          out.put(e.getKey(), b == OMIT ? null : b);
        }
      }
      return out;
    }
    return GoScalars.convert(k, v, path);
  }

  static List<Object> sorted(List<Object> in) {
    List<Object> out = new ArrayList<>(in);
    Collections.sort(out, (a, b) -> GoText.sprint(a).compareTo(GoText.sprint(b)));
    return out;
  }
}
