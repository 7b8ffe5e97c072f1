package io.shoal.compose.canonical;

import io.shoal.compose.yaml.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Implicit values the spec defines (build context ".", secret target /run/secrets/x, port
 * protocol/mode, device count "all", bind create_host_path) and environment lookups for bare
 * {@code environment} entries and secret/config {@code environment:} sources.
 */
public final class Defaults {
  private Defaults() {
  }

  public static void apply(Map<String, Object> root) {
    walk(root, "");
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object data, String p) {
    if (data instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) data;
      String[] parts = TreePath.parts(p);
      if (TreePath.matches(parts, TreePath.pattern("services.*.build"))) {
        m.putIfAbsent("context", ".");
      } else if (TreePath.matches(parts, TreePath.pattern("services.*.secrets.*"))) {
        m.putIfAbsent("target", "/run/secrets/" + m.get("source"));
        return;
      } else if (TreePath.matches(parts, TreePath.pattern("services.*.ports.*"))) {
        m.putIfAbsent("protocol", "tcp");
        m.putIfAbsent("mode", "ingress");
        return;
      } else if (TreePath.matches(parts, TreePath.pattern("services.*.deploy.resources.reservations.devices.*"))
          || TreePath.matches(parts, TreePath.pattern("services.*.gpus.*"))) {
        if (!m.containsKey("count") && !m.containsKey("device_ids")) {
          m.put("count", "all");
        }
        return;
      } else if (TreePath.matches(parts, TreePath.pattern("services.*.volumes.*.bind"))) {
        m.putIfAbsent("create_host_path", Boolean.TRUE);
        return;
      }
      for (Map.Entry<String, Object> e : m.entrySet()) {
        walk(e.getValue(), TreePath.next(p, e.getKey()));
      }
    } else if (data instanceof List) {
      List<Object> l = (List<Object>) data;
      for (int i = 0; i < l.size(); i++) {
        walk(l.get(i), TreePath.next(p, Integer.toString(i)));
      }
    }
  }

  /** compose-go's ResolveEnvironment: bare list entries, secret values, config contents. */
  @SuppressWarnings("unchecked")
  public static void resolveEnvironment(Map<String, Object> root, Map<String, String> env) {
    if (root.get("services") instanceof Map) {
      for (Object s : ((Map<String, Object>) root.get("services")).values()) {
        if (s instanceof Map && ((Map<String, Object>) s).get("environment") instanceof List) {
          List<Object> out = new ArrayList<>();
          for (Object e : (List<Object>) ((Map<String, Object>) s).get("environment")) {
            if (e instanceof String) {
              String v = (String) e;
              out.add(env.containsKey(v) ? v + "=" + env.get(v) : v);
            }
          }
          ((Map<String, Object>) s).put("environment", out);
        }
      }
    }
    for (String kind : List.of("secrets", "configs")) {
      if (root.get(kind) instanceof Map) {
        for (Object s : ((Map<String, Object>) root.get(kind)).values()) {
          if (s instanceof Map && ((Map<String, Object>) s).get("environment") instanceof String) {
            String key = (String) ((Map<String, Object>) s).get("environment");
            if (env.containsKey(key) && kind.equals("configs")) {
              ((Map<String, Object>) s).put("content", env.get(key));
            }
          }
        }
      }
    }
  }
}
