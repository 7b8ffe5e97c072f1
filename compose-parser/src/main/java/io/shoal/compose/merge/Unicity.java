package io.shoal.compose.merge;

import io.shoal.compose.ComposeException;
import io.shoal.compose.canonical.ShortSyntax;
import io.shoal.compose.yaml.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequences that are really sets (volumes by target, ports, environment by key…): after an
 * append-merge the later entry replaces the earlier one with the same key, in place.
 */
public final class Unicity {
  private static final String S = "services.*.";
  private static final List<String> KEY_VALUE = List.of("networks.*.labels", "networks.*.ipam.options",
      S + "annotations", S + "build.args", S + "build.additional_contexts", S + "build.platform", S + "build.tags",
      S + "build.labels", S + "cap_add", S + "cap_drop", S + "deploy.labels", S + "dns", S + "dns_opt",
      S + "dns_search", S + "environment", S + "labels", S + "links", S + "networks.*.aliases",
      S + "networks.*.link_local_ips", S + "profiles", S + "sysctls", S + "tmpfs");

  private Unicity() {
  }

  public static void enforce(Map<String, Object> root) throws ComposeException {
    walk(root, "");
  }

  @SuppressWarnings("unchecked")
  private static Object walk(Object value, String p) throws ComposeException {
    if (value instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        e.setValue(walk(e.getValue(), TreePath.next(p, e.getKey())));
      }
      return value;
    }
    if (!(value instanceof List)) {
      return value;
    }
    String kind = kind(p);
    if (kind == null) {
      return value;
    }
    List<Object> seq = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    for (Object entry : (List<Object>) value) {
      String key = key(kind, entry, p);
      Integer j = keys.get(key);
      if (j != null) {
        seq.set(j, entry);
      } else {
        seq.add(entry);
        keys.put(key, seq.size() - 1);
      }
    }
    return seq;
  }

  private static String kind(String p) {
    String[] parts = TreePath.parts(p);
    for (String k : KEY_VALUE) {
      if (TreePath.matches(parts, TreePath.pattern(k))) {
        return "kv";
      }
    }
    for (String k : List.of("devices", "configs", "secrets", "volumes", "ports", "expose", "env_file")) {
      if (TreePath.matches(parts, TreePath.pattern(S + k))) {
        return k;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static String key(String kind, Object entry, String p) throws ComposeException {
    Map<String, Object> m = entry instanceof Map ? (Map<String, Object>) entry : null;
    switch (kind) {
      case "kv":
        if (entry instanceof String) {
          String s = (String) entry;
          int eq = s.indexOf('=');
          return eq >= 0 ? s.substring(0, eq) : s;
        }
        return "\0" + GoText.sprint(entry);
      case "volumes":
        if (m != null) {
          Object t = m.get("target");
          if (!(t instanceof String)) {
            throw new ComposeException("service volume " + io.shoal.compose.yaml.TreePath.display(p) + " is missing a mount target", p);
          }
          return (String) t;
        }
        if (entry instanceof String) {
          try {
            Object t = ShortSyntax.volume((String) entry).get("target");
            return String.valueOf(t);
          } catch (ShortSyntax.SyntaxException e) {
            throw new ComposeException(e.getMessage());
          }
        }
        return "";
      case "devices":
        if (m != null) {
          return String.valueOf(m.get("target"));
        }
        String[] arr = String.valueOf(entry).split(":", -1);
        return arr.length == 1 ? arr[0] : arr[1];
      case "configs":
      case "secrets":
        String def = kind.equals("secrets") ? "/run/secrets" : "";
        if (m != null) {
          return m.containsKey("target") ? String.valueOf(m.get("target")) : def + "/" + GoText.sprint(m.get("source"));
        }
        return def + "/" + entry;
      case "ports":
        if (m != null) {
          Object host = m.getOrDefault("host_ip", "0.0.0.0");
          Object proto = m.getOrDefault("protocol", "tcp");
          return host + ":" + m.get("published") + ":" + m.get("target") + "/" + proto;
        }
        return GoText.sprint(entry);
      case "env_file":
        if (m != null) {
          return String.valueOf(m.get("path"));
        }
        return String.valueOf(entry);
      default:
        return GoText.sprint(entry);
    }
  }
}
