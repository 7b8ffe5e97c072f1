package io.shoal.compose.interpolate;

import io.shoal.compose.ComposeException;
import io.shoal.compose.yaml.TreePath;
import io.shoal.compose.yaml.YamlTree;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Interpolates every string value of a tree (never keys) against the environment, then casts the
 * strings of typed attributes (ports' target, booleans, replicas…) as compose-go does.
 */
public final class Interpolator {
  private static final String S = "services.*.";
  private static final String[][] INTS = patterns(S + "deploy.replicas", S + "deploy.update_config.parallelism",
      S + "deploy.rollback_config.parallelism", S + "deploy.restart_policy.max_attempts",
      S + "deploy.placement.max_replicas_per_node", S + "healthcheck.retries", S + "ports.*.target",
      S + "scale", S + "ulimits.*", S + "ulimits.*.hard", S + "ulimits.*.soft", S + "cpu_count",
      S + "cpu_period", S + "cpu_quota", S + "cpu_rt_period", S + "cpu_rt_runtime", S + "cpu_shares",
      S + "oom_score_adj", S + "pids_limit");
  private static final String[][] FLOATS = patterns(S + "cpu_percent", S + "cpus",
      S + "deploy.update_config.max_failure_ratio", S + "deploy.rollback_config.max_failure_ratio");
  private static final String[][] BOOLS = patterns(S + "init", S + "depends_on.*.required",
      S + "depends_on.*.restart", S + "healthcheck.disable", S + "oom_kill_disable", S + "privileged",
      S + "read_only", S + "stdin_open", S + "tty", S + "volumes.*.read_only", S + "volumes.*.volume.nocopy",
      "networks.*.external", "networks.*.internal", "networks.*.attachable", "networks.*.enable_ipv4",
      "networks.*.enable_ipv6", "volumes.*.external", "secrets.*.external", "configs.*.external");

  private final Function<String, String> lookup;
  private final YamlTree tree;

  private Interpolator(Function<String, String> lookup, YamlTree tree) {
    this.lookup = lookup;
    this.tree = tree;
  }

  private static String[][] patterns(String... p) {
    String[][] out = new String[p.length][];
    for (int i = 0; i < p.length; i++) {
      out[i] = TreePath.parts(p[i]);
    }
    return out;
  }

  /** Interpolates {@code tree} in place. */
  public static void interpolate(YamlTree tree, Function<String, String> lookup) throws ComposeException {
    Interpolator in = new Interpolator(lookup, tree);
    in.map(tree.root(), new String[0]);
  }

  @SuppressWarnings("unchecked")
  private Object value(Object v, String[] path) throws ComposeException {
    if (v instanceof Map) {
      map((Map<String, Object>) v, path);
      return v;
    }
    if (v instanceof List) {
      List<Object> l = (List<Object>) v;
      for (int i = 0; i < l.size(); i++) {
        l.set(i, value(l.get(i), TreePath.append(path, Integer.toString(i))));
      }
      return v;
    }
    if (v instanceof String) {
      String s;
      try {
        s = Template.substitute((String) v, lookup);
      } catch (Template.TemplateException e) {
        throw error(path, "error while interpolating " + String.join(".", path) + ": " + e.getMessage());
      }
      return cast(s, path);
    }
    return v;
  }

  private void map(Map<String, Object> m, String[] path) throws ComposeException {
    for (Map.Entry<String, Object> e : m.entrySet()) {
      e.setValue(value(e.getValue(), TreePath.append(path, e.getKey())));
    }
  }

  private ComposeException error(String[] path, String what) {
    String p = "";
    for (String k : path) {
      p = TreePath.next(p, k);
    }
    return new ComposeException(tree.file() + ":" + tree.lineOf(p) + ": " + what);
  }

  private Object cast(String s, String[] path) throws ComposeException {
    try {
      if (any(INTS, path)) {
        return Long.parseLong(s.trim().startsWith("+") ? s.trim().substring(1) : s);
      }
      if (any(FLOATS, path)) {
        return Double.parseDouble(s);
      }
    } catch (NumberFormatException e) {
      throw error(path, "error while casting to " + (any(INTS, path) ? "int" : "float") + " at "
          + String.join(".", path) + ": strconv.Parse: parsing \"" + s + "\": invalid syntax");
    }
    if (any(BOOLS, path)) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "true": case "y": case "yes": case "on":
          return Boolean.TRUE;
        case "false": case "n": case "no": case "off":
          return Boolean.FALSE;
        default:
          throw error(path, "error while casting to bool at " + String.join(".", path) + ": invalid boolean: " + s);
      }
    }
    return s;
  }

  private static boolean any(String[][] patterns, String[] path) {
    for (String[] p : patterns) {
      if (TreePath.matches(path, p)) {
        return true;
      }
    }
    return false;
  }
}
