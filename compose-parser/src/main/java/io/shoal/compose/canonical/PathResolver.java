package io.shoal.compose.canonical;

import io.shoal.compose.ComposeException;
import io.shoal.compose.yaml.TreePath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes relative paths absolute against the project folder: build contexts (not URLs), env and
 * label files, extends files, bind sources, secret and config files, local bind devices.
 */
public final class PathResolver {
  private PathResolver() {
  }

  public static void resolve(Map<String, Object> root, Path workingDir) throws ComposeException {
    walk(root, "", workingDir.toString());
  }

  @SuppressWarnings("unchecked")
  private static Object walk(Object v, String p, String wd) throws ComposeException {
    String[] parts = TreePath.parts(p);
    if (m(parts, "services.*.build.context") || m(parts, "services.*.build.additional_contexts.*")) {
      return v instanceof String ? context((String) v, wd) : v;
    }
    if (m(parts, "services.*.env_file.*.path") || m(parts, "services.*.label_file.*")
        || m(parts, "services.*.extends.file") || m(parts, "services.*.develop.watch.*.path")
        || m(parts, "configs.*.file") || m(parts, "secrets.*.file")) {
      return v instanceof String ? abs((String) v, wd) : v;
    }
    if (m(parts, "services.*.volumes.*")) {
      if (v instanceof Map && "bind".equals(((Map<String, Object>) v).get("type"))) {
        Map<String, Object> vol = (Map<String, Object>) v;
        Object src = vol.get("source");
        if (src == null) {
          throw new ComposeException("invalid mount config for type \"bind\": field Source must not be empty", p);
        }
        vol.put("source", abs(String.valueOf(src), wd));
      }
      return v;
    }
    if (m(parts, "volumes.*")) {
      if (v instanceof Map && "local".equals(((Map<String, Object>) v).get("driver"))
          && ((Map<String, Object>) v).get("driver_opts") instanceof Map) {
        Map<String, Object> o = (Map<String, Object>) ((Map<String, Object>) v).get("driver_opts");
        if ("bind".equals(o.get("o")) && o.get("device") instanceof String) {
          o.put("device", abs((String) o.get("device"), wd));
        }
      }
      return v;
    }
    if (v instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        e.setValue(walk(e.getValue(), TreePath.next(p, e.getKey()), wd));
      }
    } else if (v instanceof List) {
      List<Object> l = (List<Object>) v;
      for (int i = 0; i < l.size(); i++) {
        l.set(i, walk(l.get(i), TreePath.next(p, Integer.toString(i)), wd));
      }
    }
    return v;
  }

  private static boolean m(String[] parts, String pattern) {
    return TreePath.matches(parts, TreePath.pattern(pattern));
  }

  static String abs(String v, String wd) {
    if (v.isEmpty() || PathText.isAbs(v) || v.matches("^[A-Za-z]:[\\\\/].*|^[A-Za-z]:$|^\\\\\\\\.*")) {
      return v;
    }
    return PathText.join(wd, v);
  }

  private static String context(String v, String wd) {
    if (v.contains("://") || v.startsWith("git@") || v.startsWith("github.com/") || v.startsWith("service:")
        || v.startsWith("docker-image://") || v.startsWith("oci-layout://")) {
      return v;
    }
    return abs(v, wd);
  }
}
