package io.shoal.compose.canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compose-go's Normalize: the implicit {@code default} network, build defaults and args from the
 * environment, depends_on implied by links, {@code service:} namespaces and volumes_from, clean
 * volume targets, and {@code <project>_<key>} names for networks, volumes, secrets and configs.
 */
public final class Normalizer {
  private Normalizer() {
  }

  @SuppressWarnings("unchecked")
  public static void normalize(Map<String, Object> dict, Map<String, String> env) {
    networks(dict);
    Object s = dict.get("services");
    if (s instanceof Map) {
      for (Object o : ((Map<String, Object>) s).values()) {
        if (o instanceof Map) {
          service((Map<String, Object>) o, env);
        }
      }
    }
    for (String kind : List.of("networks", "volumes", "configs", "secrets")) {
      if (!(dict.get(kind) instanceof Map)) {
        continue;
      }
      Map<String, Object> top = (Map<String, Object>) dict.get(kind);
      for (Map.Entry<String, Object> e : top.entrySet()) {
        if (e.getValue() != null && !(e.getValue() instanceof Map)) {
          continue;
        }
        Map<String, Object> r = e.getValue() instanceof Map ? (Map<String, Object>) e.getValue() : new LinkedHashMap<>();
        if (r.get("name") == null) {
          Object x = r.get("external");
          r.put("name", x != null && "true".equals(String.valueOf(x)) ? e.getKey() : dict.get("name") + "_" + e.getKey());
        }
        e.setValue(r);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void service(Map<String, Object> service, Map<String, String> env) {
    if ("if_not_present".equals(service.get("pull_policy"))) {
      service.put("pull_policy", "missing");
    }
    if (service.get("build") instanceof Map) {
      Map<String, Object> build = (Map<String, Object>) service.get("build");
      if (build.get("context") == null) {
        build.put("context", ".");
      }
      if (build.get("dockerfile") == null && build.get("dockerfile_inline") == null) {
        build.put("dockerfile", "Dockerfile");
      }
      Object args = build.get("args");
      if (args != null) {
        build.put("args", resolve(args, env, false));
      }
    }
    if (service.containsKey("environment")) {
      service.put("environment", resolve(service.get("environment"), env, true));
    }
    Map<String, Object> dependsOn = service.get("depends_on") instanceof Map
        ? (Map<String, Object>) service.get("depends_on") : new LinkedHashMap<>();
    if (service.get("links") instanceof List) {
      for (Object l : (List<Object>) service.get("links")) {
        String[] parts = String.valueOf(l).split(":", -1);
        String link = parts.length == 2 ? parts[0] : String.valueOf(l);
        dependsOn.putIfAbsent(link, dep(true));
      }
    }
    for (String ns : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
      Object ref = service.get(ns);
      if (ref instanceof String && ((String) ref).startsWith("service:")) {
        dependsOn.putIfAbsent(((String) ref).substring("service:".length()), dep(true));
      }
    }
    if (service.get("volumes") instanceof List) {
      for (Object v : (List<Object>) service.get("volumes")) {
        if (v instanceof Map && ((Map<String, Object>) v).get("target") instanceof String) {
          Map<String, Object> vol = (Map<String, Object>) v;
          vol.put("target", PathText.clean((String) vol.get("target")));
        }
      }
    }
    if (service.get("volumes_from") instanceof List) {
      for (Object v : (List<Object>) service.get("volumes_from")) {
        String vol = String.valueOf(v);
        if (!vol.startsWith("container:")) {
          dependsOn.putIfAbsent(vol.split(":", -1)[0], dep(false));
        }
      }
    }
    if (!dependsOn.isEmpty()) {
      service.put("depends_on", dependsOn);
    }
    if (service.get("pre_start") instanceof List && service.get("image") instanceof String
        && !((String) service.get("image")).isEmpty()) {
      for (Object h : (List<Object>) service.get("pre_start")) {
        if (h instanceof Map) {
          ((Map<String, Object>) h).putIfAbsent("image", service.get("image"));
        }
      }
    }
  }

  private static Map<String, Object> dep(boolean restart) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("condition", "service_started");
    d.put("restart", restart);
    d.put("required", Boolean.TRUE);
    return d;
  }

  @SuppressWarnings("unchecked")
  private static void networks(Map<String, Object> dict) {
    Map<String, Object> networks = dict.get("networks") instanceof Map
        ? (Map<String, Object>) dict.get("networks") : new LinkedHashMap<>();
    boolean usesDefault = false;
    if (dict.get("services") instanceof Map) {
      for (Object o : ((Map<String, Object>) dict.get("services")).values()) {
        if (!(o instanceof Map)) {
          continue;
        }
        Map<String, Object> service = (Map<String, Object>) o;
        if (service.containsKey("provider") || service.containsKey("network_mode")) {
          continue;
        }
        Object n = service.get("networks");
        if (!(n instanceof Map) || ((Map<String, Object>) n).isEmpty()) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("default", null);
          service.put("networks", d);
          usesDefault = true;
        } else if (((Map<String, Object>) n).containsKey("default")) {
          usesDefault = true;
        }
      }
    }
    if (!networks.containsKey("default") && usesDefault) {
      networks.put("default", null);
    }
    if (!networks.isEmpty()) {
      dict.put("networks", networks);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object resolve(Object a, Map<String, String> env, boolean keepEmpty) {
    if (a instanceof List) {
      List<Object> out = new java.util.ArrayList<>();
      for (Object v : (List<Object>) a) {
        if (v instanceof String) {
          String s = (String) v;
          if (!s.contains("=")) {
            if (env.containsKey(s)) {
              out.add(s + "=" + env.get(s));
            } else if (keepEmpty) {
              out.add(s);
            }
            continue;
          }
          out.add(s);
        }
      }
      return out;
    }
    if (a instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) a).entrySet()) {
        if (e.getValue() != null) {
          out.put(e.getKey(), e.getValue());
        } else if (env.containsKey(e.getKey())) {
          out.put(e.getKey(), env.get(e.getKey()));
        } else if (keepEmpty) {
          out.put(e.getKey(), null);
        }
      }
      return out;
    }
    return a;
  }
}
