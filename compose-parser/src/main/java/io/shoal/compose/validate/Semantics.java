package io.shoal.compose.validate;

import io.shoal.compose.ComposeException;
import io.shoal.compose.yaml.TreePath;
import java.util.List;
import java.util.Map;

/**
 * compose-go's model checks after merging: external volumes carry no creation attributes,
 * secrets and configs name exactly one source, host IPs parse, watch paths are not blank, and
 * device requests do not set both count and device_ids.
 */
public final class Semantics {
  private Semantics() {
  }

  public static void validate(Map<String, Object> root) throws ComposeException {
    check(root, "");
  }

  @SuppressWarnings("unchecked")
  private static void check(Object value, String p) throws ComposeException {
    String[] parts = TreePath.parts(p);
    if (m(parts, "volumes.*") && value instanceof Map) {
      Map<String, Object> v = (Map<String, Object>) value;
      if (Boolean.TRUE.equals(v.get("external"))) {
        for (String k : v.keySet()) {
          if (!k.equals("name") && !k.equals("external") && !k.startsWith("x-")) {
            throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": conflicting parameters \"external\" and \"" + k + "\" specified", p);
          }
        }
      }
      return;
    }
    if ((m(parts, "configs.*") || m(parts, "secrets.*")) && value instanceof Map) {
      Map<String, Object> v = (Map<String, Object>) value;
      List<String> keys = m(parts, "configs.*") ? List.of("file", "environment", "content") : List.of("file", "environment");
      long count = keys.stream().filter(v::containsKey).count();
      if (count > 1) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": " + String.join("|", keys) + " attributes are mutually exclusive", p);
      }
      if (count == 0 && !v.containsKey("driver") && !v.containsKey("external")) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": one of " + String.join("|", keys) + " must be set", p);
      }
      return;
    }
    if (m(parts, "services.*.ports.*") && value instanceof Map) {
      Object ip = ((Map<String, Object>) value).get("host_ip");
      if (ip != null && !validIp(String.valueOf(ip))) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": invalid ip address: " + ip, p);
      }
      return;
    }
    if (m(parts, "services.*.develop.watch.*.path")) {
      if ("".equals(value)) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": value can't be blank", p);
      }
      return;
    }
    if ((m(parts, "services.*.deploy.resources.reservations.devices.*") || m(parts, "services.*.gpus.*"))
        && value instanceof Map) {
      Map<String, Object> v = (Map<String, Object>) value;
      if (v.containsKey("count") && v.containsKey("device_ids")) {
        throw new ComposeException(io.shoal.compose.yaml.TreePath.display(p) + ": \"count\" and \"device_ids\" attributes are exclusive", p);
      }
      return;
    }
    if (value instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        check(e.getValue(), TreePath.next(p, e.getKey()));
      }
    } else if (value instanceof List) {
      List<Object> l = (List<Object>) value;
      for (int i = 0; i < l.size(); i++) {
        check(l.get(i), TreePath.next(p, Integer.toString(i)));
      }
    }
  }

  private static boolean m(String[] parts, String pattern) {
    return TreePath.matches(parts, TreePath.pattern(pattern));
  }

  static boolean validIp(String ip) {
    if (ip.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      for (String o : ip.split("\\.")) {
        if (Integer.parseInt(o) > 255) {
          return false;
        }
      }
      return true;
    }
    return ip.contains(":") && ip.matches("[0-9a-fA-F:.]+");
  }
}
