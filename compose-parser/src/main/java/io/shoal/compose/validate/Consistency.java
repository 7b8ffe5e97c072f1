package io.shoal.compose.validate;

import io.shoal.compose.ComposeException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * compose-go's checkConsistency over the bound project: every reference (network, volume,
 * secret, config, depends_on, network_mode, additional context) resolves, exclusive attributes
 * agree, mount targets are unique, and depends_on has no cycle.
 */
public final class Consistency {
  private Consistency() {
  }

  /** {@code services} are the enabled ones; {@code disabled} those outside the active profiles. */
  @SuppressWarnings("unchecked")
  public static void check(Map<String, Object> services, Map<String, Object> disabled, Map<String, Object> project)
      throws ComposeException {
    Map<String, Object> networks = sub(project, "networks");
    Map<String, Object> volumes = sub(project, "volumes");
    Map<String, Object> secrets = sub(project, "secrets");
    Map<String, Object> configs = sub(project, "configs");
    for (Map.Entry<String, Object> e : services.entrySet()) {
      String name = e.getKey();
      Map<String, Object> s = (Map<String, Object>) e.getValue();
      Map<String, Object> build = (Map<String, Object>) s.get("build");
      if (build == null && s.get("image") == null && s.get("provider") == null) {
        fail(at(name, ""), "service \"" + name + "\" has neither an image nor a build context specified: invalid compose project");
      }
      if (build != null) {
        if (build.get("dockerfile_inline") != null && build.get("dockerfile") != null) {
          fail(at(name, "build"), "service \"" + name + "\" declares mutualy exclusive dockerfile and dockerfile_inline: invalid compose project");
        }
        for (Map.Entry<String, Object> c : sub(build, "additional_contexts").entrySet()) {
          String v = String.valueOf(c.getValue());
          if (v.startsWith("service:")) {
            Map<String, Object> t = (Map<String, Object>) services.get(v.substring(8));
            if (t == null) {
              fail(at(name, "build.additional_contexts"), "service \"" + name + "\" declares unknown service \"" + v.substring(8) + "\" as additional contexts " + c.getKey());
            }
            if (t.get("build") == null) {
              fail(at(name, "build.additional_contexts"), "service \"" + name + "\" declares non-buildable service \"" + v.substring(8) + "\" as additional contexts " + c.getKey());
            }
          }
        }
        List<Object> platforms = (List<Object>) build.get("platforms");
        if (platforms != null && !platforms.isEmpty() && s.get("platform") != null && !platforms.contains(s.get("platform"))) {
          fail(at(name, "platform"), "service.build.platforms MUST include service.platform \"" + s.get("platform") + "\": invalid compose project");
        }
        for (Object sec : list(build.get("secrets"))) {
          String src = String.valueOf(((Map<String, Object>) sec).get("source"));
          if (!secrets.containsKey(src)) {
            fail(at(name, "build.secrets"), "service \"" + name + "\" refers to undefined build secret " + src + ": invalid compose project");
          }
        }
      }
      if (s.get("network_mode") != null && !sub(s, "networks").isEmpty()) {
        fail(at(name, "network_mode"), "service " + name + " declares mutually exclusive `network_mode` and `networks`: invalid compose project");
      }
      for (String n : sub(s, "networks").keySet()) {
        if (!networks.containsKey(n)) {
          fail(at(name, "networks"), "service \"" + name + "\" refers to undefined network " + n + ": invalid compose project");
        }
      }
      Map<String, Object> hc = sub(s, "healthcheck");
      List<Object> test = list(hc.get("test"));
      if (!test.isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
        fail(at(name, "healthcheck.test"), "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
      }
      for (Map.Entry<String, Object> d : sub(s, "depends_on").entrySet()) {
        if (!services.containsKey(d.getKey())) {
          boolean required = Boolean.TRUE.equals(((Map<String, Object>) d.getValue()).get("required"));
          if (disabled.containsKey(d.getKey()) && !required) {
            continue;
          }
          fail(at(name, "depends_on"), "service \"" + name + "\" depends on undefined service \"" + d.getKey() + "\": invalid compose project");
        }
      }
      Object nm = s.get("network_mode");
      if (nm instanceof String && ((String) nm).startsWith("service:") && !services.containsKey(((String) nm).substring(8))) {
        String ref = ((String) nm).substring(8);
        fail(at(name, "network_mode"), "service \"" + ref + "\" not found for network_mode 'service:" + ref + "'");
      }
      for (Object v : list(s.get("volumes"))) {
        Map<String, Object> vol = (Map<String, Object>) v;
        if ("volume".equals(vol.get("type")) && vol.get("source") != null && !volumes.containsKey(vol.get("source"))) {
          fail(at(name, "volumes"), "service \"" + name + "\" refers to undefined volume " + vol.get("source") + ": invalid compose project");
        }
      }
      for (Object c : list(s.get("configs"))) {
        Object src = ((Map<String, Object>) c).get("source");
        if (!configs.containsKey(String.valueOf(src))) {
          fail(at(name, "configs"), "service \"" + name + "\" refers to undefined config " + src + ": invalid compose project");
        }
      }
      for (Object c : list(s.get("secrets"))) {
        Object src = ((Map<String, Object>) c).get("source");
        if (!secrets.containsKey(String.valueOf(src))) {
          fail(at(name, "secrets"), "service \"" + name + "\" refers to undefined secret " + src + ": invalid compose project");
        }
      }
      for (String model : sub(s, "models").keySet()) {
        if (!sub(project, "models").containsKey(model)) {
          fail(at(name, "models"), "service \"" + name + "\" refers to undefined model " + model + ": invalid compose project");
        }
      }
      resources(name, s);
      mounts(name, s);
    }
    for (Map.Entry<String, Object> e : secrets.entrySet()) {
      Map<String, Object> sec = (Map<String, Object>) e.getValue();
      if (!Boolean.TRUE.equals(sec.get("external")) && sec.get("file") == null && sec.get("environment") == null) {
        fail(io.shoal.compose.yaml.TreePath.next("secrets", e.getKey()), "secret \"" + e.getKey() + "\" must declare either `file` or `environment`: invalid compose project");
      }
    }
    cycles(services);
  }

  @SuppressWarnings("unchecked")
  private static void resources(String name, Map<String, Object> s) throws ComposeException {
    Map<String, Object> deploy = (Map<String, Object>) s.get("deploy");
    Object scale = s.get("scale");
    if (scale != null && deploy != null) {
      if (deploy.get("replicas") != null && !Objects.equals(deploy.get("replicas"), scale)) {
        fail(at(name, "scale"), "services." + name + ": can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
      }
      deploy.put("replicas", scale);
    }
    if (scale instanceof Long && (Long) scale < 0) {
      fail(at(name, "scale"), "services." + name + ".scale: must be greater than or equal to 0");
    }
    if (deploy != null && deploy.get("replicas") instanceof Long && (Long) deploy.get("replicas") < 0) {
      fail(at(name, "deploy.replicas"), "services." + name + ".deploy.replicas: must be greater than or equal to 0");
    }
    Map<String, Object> limits = deploy == null ? null : (Map<String, Object>) sub(deploy, "resources").get("limits");
    Map<String, Object> reservations = deploy == null ? null : (Map<String, Object>) sub(deploy, "resources").get("reservations");
    if (s.get("cpus") != null && limits != null && !Objects.equals(limits.get("cpus"), s.get("cpus"))) {
      fail(at(name, "cpus"), "services." + name + ": can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': invalid compose project");
    }
    if (s.get("mem_limit") != null && limits != null && !Objects.equals(limits.get("memory"), s.get("mem_limit"))) {
      fail(at(name, "mem_limit"), "services." + name + ": can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory': invalid compose project");
    }
    if (s.get("mem_reservation") != null && reservations != null
        && !Objects.equals(reservations.get("memory"), s.get("mem_reservation"))) {
      fail(at(name, "mem_reservation"), "services." + name + ": can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory': invalid compose project");
    }
    if (s.get("pids_limit") != null && limits != null && !Objects.equals(limits.get("pids"), s.get("pids_limit"))) {
      fail(at(name, "pids_limit"), "services." + name + ": can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids': invalid compose project");
    }
    long effective = scale instanceof Long ? (Long) scale
        : deploy != null && deploy.get("replicas") instanceof Long ? (Long) deploy.get("replicas") : 1;
    if (effective > 1 && s.get("container_name") != null) {
      fail(at(name, "container_name"), "services." + name + ": can't set container_name and " + (scale == null ? "deploy.replicas" : "scale")
          + " as container name must be unique: invalid compose project");
    }
    for (Object w : list(sub(s, "develop").get("watch"))) {
      Map<String, Object> t = (Map<String, Object>) w;
      if (t.get("target") == null && !"rebuild".equals(t.get("action")) && !"restart".equals(t.get("action"))) {
        fail(at(name, "develop.watch"), "services." + name + ".develop.watch: target is required for non-rebuild actions: invalid compose project");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void mounts(String name, Map<String, Object> s) throws ComposeException {
    Map<String, String> mounts = new HashMap<>();
    int i = 0;
    for (Object t : list(s.get("tmpfs"))) {
      String loc = "services." + name + ".tmpfs[" + i++ + "]";
      String path = String.valueOf(t).split(":", 2)[0];
      if (mounts.containsKey(path)) {
        fail(at(name, "tmpfs." + (i - 1)), loc + ": target " + path + " already mounted as " + mounts.get(path));
      }
      mounts.put(path, loc);
    }
    i = 0;
    for (Object v : list(s.get("volumes"))) {
      String loc = "services." + name + ".volumes[" + i++ + "]";
      String target = String.valueOf(((Map<String, Object>) v).get("target"));
      if (mounts.containsKey(target)) {
        fail(at(name, "volumes." + (i - 1)), loc + ": target " + target + " already mounted as " + mounts.get(target));
      }
      mounts.put(target, loc);
    }
  }

  @SuppressWarnings("unchecked")
  private static void cycles(Map<String, Object> services) throws ComposeException {
    Set<String> done = new HashSet<>();
    for (String s : services.keySet()) {
      visit(s, services, new java.util.ArrayList<>(), done);
    }
  }

  @SuppressWarnings("unchecked")
  private static void visit(String s, Map<String, Object> services, List<String> path, Set<String> done)
      throws ComposeException {
    if (done.contains(s)) {
      return;
    }
    if (path.contains(s)) {
      fail(at(s, "depends_on"), "dependency cycle detected: " + String.join(" -> ", path.subList(path.indexOf(s), path.size())) + " -> " + s);
    }
    path.add(s);
    Map<String, Object> svc = (Map<String, Object>) services.get(s);
    if (svc != null) {
      for (String d : sub(svc, "depends_on").keySet()) {
        visit(d, services, path, done);
      }
    }
    path.remove(path.size() - 1);
    done.add(s);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> sub(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object v) {
    return v instanceof List ? (List<Object>) v : List.of();
  }

  private static void fail(String path, String m) throws ComposeException {
    throw new ComposeException(m, path);
  }

  private static String at(String service, String attr) {
    String p = io.shoal.compose.yaml.TreePath.next("services", service);
    return attr.isEmpty() ? p : p + "." + attr;
  }
}
