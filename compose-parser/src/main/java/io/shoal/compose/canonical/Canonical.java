package io.shoal.compose.canonical;

import io.shoal.compose.ComposeException;
import io.shoal.compose.merge.GoText;
import io.shoal.compose.yaml.TreePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short syntax to long syntax, per file after validation (compose-go's transform package): build
 * strings become {@code {context}}, ports and volumes are parsed, depends_on/networks lists become
 * mappings, env_file entries get {@code required}, {@code external.name} becomes {@code name}.
 */
public final class Canonical {
  private static final String S = "services.*.";

  private Canonical() {
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> transform(Map<String, Object> root) throws ComposeException {
    Map<String, Object> out = (Map<String, Object>) walk(root, "");
    omitEmptyDns(out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object walk(Object data, String p) throws ComposeException {
    String[] parts = TreePath.parts(p);
    if (m(parts, S + "build.secrets.*") || m(parts, S + "secrets.*") || m(parts, S + "configs.*")) {
      if (data instanceof String) {
        return map("source", data);
      }
      if (!(data instanceof Map)) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": unsupported type", p);
      }
      return data;
    }
    if (m(parts, S + "build.provenance") || m(parts, S + "build.sbom")) {
      return data instanceof String ? data : GoText.sprint(data);
    }
    if (m(parts, S + "build.additional_contexts")) {
      return keyValue(data, p);
    }
    if (m(parts, S + "depends_on")) {
      return dependsOn(data, p);
    }
    if (m(parts, S + "env_file")) {
      List<Object> l = data instanceof String ? new ArrayList<>(List.of(data)) : (List<Object>) data;
      for (int i = 0; i < l.size(); i++) {
        Object e = l.get(i);
        if (e instanceof String) {
          Map<String, Object> x = map("path", e);
          x.put("required", Boolean.TRUE);
          l.set(i, x);
        } else if (e instanceof Map) {
          ((Map<String, Object>) e).putIfAbsent("required", Boolean.TRUE);
        }
      }
      return l;
    }
    if (m(parts, S + "label_file") || m(parts, S + "dns") || m(parts, S + "develop.watch.*.ignore")
        || m(parts, S + "develop.watch.*.include")) {
      return data instanceof String ? new ArrayList<>(List.of(data)) : data;
    }
    if (m(parts, S + "extends")) {
      return data instanceof String ? map("service", data) : walkMap(data, p);
    }
    if (m(parts, S + "gpus")) {
      if (data instanceof String) {
        return new ArrayList<>(List.of(map("count", "all")));
      }
      return walkList(data, p);
    }
    if (m(parts, S + "networks") || m(parts, S + "models")) {
      if (data instanceof List) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object n : (List<Object>) data) {
          out.put(String.valueOf(n), null);
        }
        return out;
      }
      return data;
    }
    if (m(parts, S + "volumes.*")) {
      if (data instanceof String) {
        try {
          Map<String, Object> v = ShortSyntax.volume((String) data);
          Object t = v.get("target");
          if (t instanceof String && !((String) t).isEmpty()) {
            v.put("target", PathText.clean((String) t));
          }
          return v;
        } catch (ShortSyntax.SyntaxException e) {
          throw new ComposeException(e.getMessage(), p);
        }
      }
      return data;
    }
    if (m(parts, S + "devices.*")) {
      return data instanceof String ? device((String) data) : data;
    }
    if (m(parts, S + "ports")) {
      return ports(data, p);
    }
    if (m(parts, S + "build")) {
      return data instanceof String ? map("context", data) : walkMap(data, p);
    }
    if (m(parts, "volumes.*") || m(parts, "networks.*") || m(parts, "secrets.*") || m(parts, "configs.*")) {
      return maybeExternal(data, p);
    }
    if (m(parts, "include.*")) {
      return data instanceof String ? map("path", data) : data;
    }
    if (data instanceof Map) {
      return walkMap(data, p);
    }
    if (data instanceof List) {
      return walkList(data, p);
    }
    return data;
  }

  private static boolean m(String[] parts, String pattern) {
    return TreePath.matches(parts, TreePath.pattern(pattern));
  }

  static Map<String, Object> map(String k, Object v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(k, v);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object walkMap(Object data, String p) throws ComposeException {
    if (!(data instanceof Map)) {
      return data;
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) data).entrySet()) {
      e.setValue(walk(e.getValue(), TreePath.next(p, e.getKey())));
    }
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Object walkList(Object data, String p) throws ComposeException {
    if (!(data instanceof List)) {
      return data;
    }
    List<Object> l = (List<Object>) data;
    for (int i = 0; i < l.size(); i++) {
      l.set(i, walk(l.get(i), TreePath.next(p, Integer.toString(i))));
    }
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Object keyValue(Object data, String p) throws ComposeException {
    if (data instanceof Map) {
      return data;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object e : (List<Object>) data) {
      String s = String.valueOf(e);
      int eq = s.indexOf('=');
      if (eq < 0) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": invalid value " + s + ", expected key=value", p);
      }
      out.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object dependsOn(Object data, String p) throws ComposeException {
    if (data instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) data).entrySet()) {
        if (!(e.getValue() instanceof Map)) {
          throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + "." + e.getKey() + ": unsupported value " + GoText.sprint(data), p);
        }
        Map<String, Object> d = (Map<String, Object>) e.getValue();
        d.putIfAbsent("condition", "service_started");
        d.putIfAbsent("required", Boolean.TRUE);
      }
      return data;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object k : (List<Object>) data) {
      Map<String, Object> d = map("condition", "service_started");
      d.put("required", Boolean.TRUE);
      out.put(String.valueOf(k), d);
    }
    return out;
  }

  private static Object device(String v) throws ComposeException {
    String[] arr = v.split(":", -1);
    if (arr.length > 3) {
      throw new ComposeException("confusing device mapping, please use long syntax: " + v, (String) null);
    }
    String src = arr[0];
    String dst = arr.length > 1 ? arr[1] : "";
    String perm = arr.length > 2 ? arr[2] : "rwm";
    Map<String, Object> out = map("source", src);
    out.put("target", dst.isEmpty() ? src : dst);
    out.put("permissions", perm);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object ports(Object data, String p) throws ComposeException {
    if (!(data instanceof List)) {
      throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": invalid type for port", p);
    }
    List<Object> out = new ArrayList<>();
    for (Object e : (List<Object>) data) {
      if (e instanceof Long || e instanceof String) {
        try {
          out.addAll(ShortSyntax.port(String.valueOf(e)));
        } catch (ShortSyntax.SyntaxException ex) {
          throw new ComposeException(ex.getMessage(), p);
        }
      } else if (e instanceof Map) {
        out.add(e);
      } else {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": invalid type for port", p);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object maybeExternal(Object data, String p) throws ComposeException {
    if (!(data instanceof Map)) {
      return data;
    }
    Map<String, Object> r = (Map<String, Object>) walkMap(data, p);
    Object ext = r.get("external");
    if (ext instanceof Map) {
      Map<String, Object> external = (Map<String, Object>) ext;
      r.put("external", Boolean.TRUE);
      if (external.containsKey("name")) {
        Object extName = external.get("name");
        if (r.containsKey("name") && !java.util.Objects.equals(r.get("name"), extName)) {
          throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": name and external.name conflict; only use name", p);
        }
        r.putIfAbsent("name", extName);
      }
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private static void omitEmptyDns(Map<String, Object> root) {
    Object services = root.get("services");
    if (!(services instanceof Map)) {
      return;
    }
    for (Object s : ((Map<String, Object>) services).values()) {
      if (s instanceof Map && ((Map<String, Object>) s).get("dns") instanceof List) {
        ((List<Object>) ((Map<String, Object>) s).get("dns")).removeIf(x -> x == null || "".equals(x));
      }
    }
  }
}
