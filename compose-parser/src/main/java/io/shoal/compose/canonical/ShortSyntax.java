package io.shoal.compose.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The short syntaxes that become long ones: {@code [ip:][host:]container[/proto]} ports (ranges
 * expanded, as docker's nat package does) and {@code source:target:options} volumes.
 */
public final class ShortSyntax {
  private ShortSyntax() {
  }

  /** Thrown with compose-go's message for a malformed short syntax. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  /** Parses one short port; each result has mode, host_ip, target, published and protocol. */
  public static List<Map<String, Object>> port(String raw) throws SyntaxException {
    String proto = "tcp";
    String rest = raw;
    String ip = "";
    String host = "";
    String[] parts = rest.split(":", -1);
    int n = parts.length;
    String container = parts[n - 1];
    if (n == 2) {
      host = parts[0];
    } else if (n == 3) {
      ip = parts[0];
      host = parts[1];
    } else if (n > 3) {
      ip = String.join(":", java.util.Arrays.copyOf(parts, n - 2));
      host = parts[n - 2];
    }
    int slash = container.indexOf('/');
    if (slash >= 0) {
      proto = container.substring(slash + 1);
      container = container.substring(0, slash);
      if (proto.isEmpty()) {
        proto = "tcp";
      }
    }
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    if (!ip.isEmpty() && !validIp(ip)) {
      throw new SyntaxException("invalid IP address: " + ip);
    }
    if (container.isEmpty()) {
      throw new SyntaxException("no port specified: " + raw + "<empty>");
    }
    long[] c = range(container, "invalid containerPort: " + container);
    long[] h = host.isEmpty() ? new long[] {0, 0} : range(host, "invalid hostPort: " + host);
    if (!host.isEmpty() && (c[1] - c[0]) != (h[1] - h[0]) && c[1] != c[0]) {
      throw new SyntaxException("invalid ranges specified for container and host Ports: " + container + " and " + host);
    }
    String p = proto.toLowerCase(java.util.Locale.ROOT);
    if (!p.equals("tcp") && !p.equals("udp") && !p.equals("sctp")) {
      throw new SyntaxException("invalid proto: " + proto);
    }
    TreeMap<String, Map<String, Object>> sorted = new TreeMap<>();
    for (long i = 0; i <= c[1] - c[0]; i++) {
      String published = host;
      if (!host.isEmpty()) {
        published = Long.toString(h[0] + i);
      }
      if (c[0] == c[1] && h[0] != h[1]) {
        published = published + "-" + h[1];
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", "ingress");
      if (!ip.isEmpty()) {
        m.put("host_ip", ip);
      }
      m.put("target", c[0] + i);
      if (!published.isEmpty()) {
        m.put("published", published);
      }
      m.put("protocol", p);
      sorted.put((c[0] + i) + "/" + p, m);
    }
    return new ArrayList<>(sorted.values());
  }

  private static boolean validIp(String ip) {
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

  private static long[] range(String s, String error) throws SyntaxException {
    try {
      int dash = s.indexOf('-');
      if (dash < 0) {
        long v = Long.parseLong(s);
        check(v, error);
        return new long[] {v, v};
      }
      long a = Long.parseLong(s.substring(0, dash));
      long b = Long.parseLong(s.substring(dash + 1));
      check(a, error);
      check(b, error);
      if (b < a) {
        throw new SyntaxException(error);
      }
      return new long[] {a, b};
    } catch (NumberFormatException e) {
      throw new SyntaxException(error);
    }
  }

  private static void check(long v, String error) throws SyntaxException {
    if (v < 0 || v > 65535) {
      throw new SyntaxException(error);
    }
  }

  /** Parses a short volume into compose-go's long form (type, source, target, read_only, bind, volume). */
  public static Map<String, Object> volume(String spec) throws SyntaxException {
    Map<String, Object> v = new LinkedHashMap<>();
    if (spec.isEmpty()) {
      throw new SyntaxException("invalid empty volume spec");
    }
    if (spec.length() <= 2) {
      v.put("type", "volume");
      v.put("target", spec);
      return v;
    }
    StringBuilder buf = new StringBuilder();
    int depth = 0;
    String[] fields = new String[2];
    String options = null;
    String full = spec + "\0";
    for (int i = 0; i < full.length(); i++) {
      char ch = full.charAt(i);
      if (ch == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
        depth++;
        buf.append(ch);
        continue;
      }
      if (ch == '}' && depth > 0) {
        depth--;
        buf.append(ch);
        continue;
      }
      if (ch == ':' && buf.length() == 1 && Character.isLetter(buf.charAt(0))) {
        buf.append(ch);
      } else if ((ch == ':' || ch == '\0') && depth == 0) {
        String s = buf.toString();
        if (s.isEmpty()) {
          throw new SyntaxException("invalid spec: " + spec + ": empty section between colons");
        }
        if (fields[0] == null && ch == '\0') {
          fields[1] = s;
        } else if (fields[0] == null) {
          fields[0] = s;
        } else if (fields[1] == null) {
          fields[1] = s;
        } else if (ch == ':') {
          throw new SyntaxException("invalid spec: " + spec + ": too many colons");
        } else {
          options = s;
        }
        buf.setLength(0);
      } else {
        buf.append(ch);
      }
    }
    String source = fields[0] == null ? "" : fields[0];
    boolean bindType = isFilePath(source);
    v.put("type", bindType ? "bind" : "volume");
    if (!source.isEmpty()) {
      v.put("source", source);
    }
    v.put("target", fields[1]);
    Map<String, Object> bind = null;
    Map<String, Object> volume = null;
    if (options != null) {
      for (String o : options.split(",", -1)) {
        switch (o) {
          case "ro": v.put("read_only", Boolean.TRUE); break;
          case "rw": v.remove("read_only"); break;
          case "nocopy":
            volume = new LinkedHashMap<>();
            volume.put("nocopy", Boolean.TRUE);
            break;
          case "rprivate": case "private": case "rshared": case "shared": case "rslave": case "slave":
            bind = bind == null ? new LinkedHashMap<>() : bind;
            bind.put("propagation", o);
            break;
          case "z": case "Z":
            bind = bind == null ? new LinkedHashMap<>() : bind;
            bind.put("selinux", o);
            break;
          default:
            break;
        }
      }
    }
    if (bindType) {
      bind = bind == null ? new LinkedHashMap<>() : bind;
      bind.put("create_host_path", Boolean.TRUE);
      v.put("bind", bind);
      if (volume != null) {
        v.put("volume", volume);
      }
    } else {
      if (bind != null) {
        v.put("bind", bind);
      }
      v.put("volume", volume == null ? new LinkedHashMap<>() : volume);
    }
    return v;
  }

  static boolean isFilePath(String source) {
    if (source.isEmpty()) {
      return false;
    }
    char c = source.charAt(0);
    if (c == '.' || c == '/' || c == '~' || source.startsWith("\\\\")) {
      return true;
    }
    return source.length() > 1 && Character.isLetter(c) && source.charAt(1) == ':';
  }
}
