package io.shoal.compose.merge;

import io.shoal.compose.ComposeException;
import io.shoal.compose.yaml.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec's merge rules (13-merge.md) as compose-go applies them: mappings merge key by key,
 * sequences append, scalars are replaced, with the exceptions below (command replaced, labels and
 * environment merged as {@code key=value} lists, networks and depends_on as mappings…).
 */
public final class Merger {
  private static final String S = "services.*.";
  private static final List<String> TO_SEQUENCE = List.of("networks.*.labels", "volumes.*.labels",
      S + "annotations", S + "build.args", S + "build.additional_contexts", S + "build.labels",
      S + "deploy.labels", S + "dns", S + "dns_opt", S + "dns_search", S + "env_file", S + "label_file",
      S + "environment", S + "labels", S + "volumes.*.volume.labels", S + "sysctls", S + "tmpfs");
  private static final List<String> OVERRIDE = List.of(S + "command", S + "entrypoint", S + "healthcheck.test");

  private Merger() {
  }

  /** Merges {@code override} into {@code base} (both modified/reused) and returns the result. */
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override)
      throws ComposeException {
    return mergeMappings(base, override, "");
  }

  @SuppressWarnings("unchecked")
  static Object mergeYaml(Object e, Object o, String p) throws ComposeException {
    String[] parts = TreePath.parts(p);
    for (String pattern : TO_SEQUENCE) {
      if (TreePath.matches(parts, TreePath.pattern(pattern))) {
        List<Object> right = toSequence(e);
        right.addAll(toSequence(o));
        return right;
      }
    }
    for (String pattern : OVERRIDE) {
      if (TreePath.matches(parts, TreePath.pattern(pattern))) {
        return o;
      }
    }
    if (TreePath.matches(p, "networks.*.ipam.config")) {
      return mergeIpamConfig(e, o, p);
    }
    if (TreePath.matches(p, S + "build")) {
      return mergeMappings(toBuild(e), toBuild(o), p);
    }
    if (TreePath.matches(p, S + "depends_on")) {
      return mergeMappings(toMapping(e, true), toMapping(o, true), p);
    }
    if (TreePath.matches(p, S + "networks") || TreePath.matches(p, S + "models")) {
      return mergeMappings(toMapping(e, false), toMapping(o, false), p);
    }
    if (TreePath.matches(p, S + "extra_hosts") || TreePath.matches(p, S + "build.extra_hosts")) {
      List<Object> right = toSequence(e);
      for (Object v : toSequence(o)) {
        if (!right.contains(v)) {
          right.add(v);
        }
      }
      return right;
    }
    if (TreePath.matches(p, S + "logging") && e instanceof Map && o instanceof Map) {
      Map<String, Object> c = (Map<String, Object>) e;
      Map<String, Object> other = (Map<String, Object>) o;
      if (!other.containsKey("driver") || !c.containsKey("driver")
          || Objects.equals(other.get("driver"), c.get("driver"))) {
        return mergeMappings(c, other, p);
      }
      return other;
    }
    if (TreePath.matches(p, S + "ulimits.*")) {
      return o;
    }
    if (o == null) {
      return e;
    }
    if (e instanceof Map) {
      if (!(o instanceof Map)) {
        throw new ComposeException("cannot override " + io.shoal.compose.yaml.TreePath.display(p), p);
      }
      return mergeMappings((Map<String, Object>) e, (Map<String, Object>) o, p);
    }
    if (e instanceof List) {
      if (!(o instanceof List)) {
        throw new ComposeException("cannot override " + io.shoal.compose.yaml.TreePath.display(p), p);
      }
      List<Object> out = new ArrayList<>((List<Object>) e);
      out.addAll((List<Object>) o);
      return out;
    }
    return o;
  }

  static Map<String, Object> mergeMappings(Map<String, Object> mapping, Map<String, Object> other, String p)
      throws ComposeException {
    if (mapping == null) {
      mapping = new LinkedHashMap<>();
    }
    if (other == null) {
      return mapping;
    }
    for (Map.Entry<String, Object> en : other.entrySet()) {
      String k = en.getKey();
      if (!mapping.containsKey(k)) {
        mapping.put(k, en.getValue());
        continue;
      }
      mapping.put(k, mergeYaml(mapping.get(k), en.getValue(), TreePath.next(p, k)));
    }
    return mapping;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toBuild(Object c) {
    if (c instanceof String) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("context", c);
      return m;
    }
    return c instanceof Map ? (Map<String, Object>) c : null;
  }

  /** A list of names becomes a mapping; depends_on entries get their defaults. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMapping(Object a, boolean dependsOn) {
    if (a instanceof Map) {
      return (Map<String, Object>) a;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (a instanceof List) {
      for (Object s : (List<Object>) a) {
        Object v = null;
        if (dependsOn) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("condition", "service_started");
          d.put("required", Boolean.TRUE);
          v = d;
        }
        out.put(String.valueOf(s), v);
      }
    }
    return out;
  }

  /** A mapping becomes sorted {@code key=value} strings (just {@code key} for null). */
  @SuppressWarnings("unchecked")
  public static List<Object> toSequence(Object value) {
    List<Object> seq = new ArrayList<>();
    if (value instanceof Map) {
      List<String> items = new ArrayList<>();
      for (Map.Entry<String, Object> en : ((Map<String, Object>) value).entrySet()) {
        Object v = en.getValue();
        if (v == null) {
          items.add(en.getKey());
        } else if (v instanceof List) {
          for (Object x : (List<Object>) v) {
            items.add(en.getKey() + "=" + GoText.sprint(x));
          }
        } else {
          items.add(en.getKey() + "=" + GoText.sprint(v));
        }
      }
      Collections.sort(items);
      seq.addAll(items);
    } else if (value instanceof List) {
      seq.addAll((List<Object>) value);
    } else if (value instanceof String) {
      seq.add(value);
    }
    return seq;
  }

  @SuppressWarnings("unchecked")
  private static Object mergeIpamConfig(Object c, Object o, String p) throws ComposeException {
    if (!(c instanceof List) || !(o instanceof List)) {
      throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": unexpected type", p);
    }
    List<Object> out = new ArrayList<>();
    for (Object original : (List<Object>) c) {
      Map<String, Object> right = toMapping(original, false);
      for (Object ov : (List<Object>) o) {
        Map<String, Object> left = toMapping(ov, false);
        if (!Objects.equals(left.get("subnet"), right.get("subnet"))) {
          if (out.stream().noneMatch(a -> Objects.equals(((Map<String, Object>) a).get("subnet"), left.get("subnet")))) {
            out.add(left);
            continue;
          }
        }
        Map<String, Object> merged = mergeMappings(right, left, p);
        int idx = -1;
        for (int i = 0; i < out.size(); i++) {
          if (Objects.equals(((Map<String, Object>) out.get(i)).get("subnet"), merged.get("subnet"))) {
            idx = i;
            break;
          }
        }
        if (idx >= 0) {
          out.set(idx, merged);
        } else {
          out.add(merged);
        }
      }
    }
    return out;
  }
}
