package io.shoal.compose.model;

import io.shoal.compose.canonical.GoValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the canonical tree (already validated and normalized) into the {@link Service} records. */
final class TypedView {
  private TypedView() {
  }

  static Service service(String name, Map<String, Object> s) {
    return new Service(name, str(s, "image"), map(s, "build").isEmpty() ? Optional.empty() : Optional.of(build(map(s, "build"))),
        strings(s.get("command")), strings(s.get("entrypoint")), withEquals(map(s, "environment")),
        plain(map(s, "labels")), ports(list(s, "ports")), mounts(list(s, "volumes")), networks(map(s, "networks")),
        dependencies(map(s, "depends_on")), s.containsKey("deploy") ? Optional.of(deploy(map(s, "deploy"))) : Optional.empty(),
        s.containsKey("healthcheck") ? Optional.of(healthcheck(map(s, "healthcheck"))) : Optional.empty(),
        refs(list(s, "secrets")), refs(list(s, "configs")), str(s, "restart"), str(s, "user"), str(s, "working_dir"),
        dur(s, "stop_grace_period"), s);
  }

  static Resource resource(String key, Map<String, Object> r) {
    return new Resource(key, str(r, "name").orElse(key), Boolean.TRUE.equals(r.get("external")), str(r, "driver"),
        plain(map(r, "labels")), str(r, "file"), r);
  }

  private static Service.Build build(Map<String, Object> b) {
    return new Service.Build(str(b, "context").orElse("."), str(b, "dockerfile"), withEquals(map(b, "args")),
        str(b, "target"));
  }

  private static List<Service.Port> ports(List<Object> in) {
    List<Service.Port> out = new ArrayList<>();
    for (Object o : in) {
      Map<String, Object> p = cast(o);
      out.add(new Service.Port(integer(p, "target").orElse(0), str(p, "published"), str(p, "protocol").orElse("tcp"),
          str(p, "mode").orElse("ingress"), str(p, "host_ip")));
    }
    return out;
  }

  private static List<Service.Mount> mounts(List<Object> in) {
    List<Service.Mount> out = new ArrayList<>();
    for (Object o : in) {
      Map<String, Object> m = cast(o);
      out.add(new Service.Mount(str(m, "type").orElse("volume"), str(m, "source"), str(m, "target").orElse(""),
          Boolean.TRUE.equals(m.get("read_only"))));
    }
    return out;
  }

  private static Map<String, Service.Attachment> networks(Map<String, Object> in) {
    Map<String, Service.Attachment> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : in.entrySet()) {
      Map<String, Object> n = cast(e.getValue());
      out.put(e.getKey(), new Service.Attachment(strings(n.get("aliases")).orElse(List.of()), str(n, "ipv4_address"),
          str(n, "ipv6_address")));
    }
    return out;
  }

  private static Map<String, Service.Dependency> dependencies(Map<String, Object> in) {
    Map<String, Service.Dependency> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : in.entrySet()) {
      Map<String, Object> d = cast(e.getValue());
      out.put(e.getKey(), new Service.Dependency(str(d, "condition").orElse("service_started"),
          Boolean.TRUE.equals(d.get("restart")), !Boolean.FALSE.equals(d.get("required"))));
    }
    return out;
  }

  private static List<Service.FileRef> refs(List<Object> in) {
    List<Service.FileRef> out = new ArrayList<>();
    for (Object o : in) {
      Map<String, Object> r = cast(o);
      Optional<Integer> mode = str(r, "mode").map(m -> Integer.parseInt(m, 8));
      out.add(new Service.FileRef(str(r, "source").orElse(""), str(r, "target"), str(r, "uid"), str(r, "gid"), mode));
    }
    return out;
  }

  private static Service.Healthcheck healthcheck(Map<String, Object> h) {
    return new Service.Healthcheck(strings(h.get("test")).orElse(List.of()), dur(h, "interval"), dur(h, "timeout"),
        integer(h, "retries"), dur(h, "start_period"), Boolean.TRUE.equals(h.get("disable")));
  }

  private static Service.Deploy deploy(Map<String, Object> d) {
    Map<String, Object> limits = map(map(d, "resources"), "limits");
    Map<String, Object> reservations = map(map(d, "resources"), "reservations");
    Map<String, Object> placement = map(d, "placement");
    List<String> preferences = new ArrayList<>();
    for (Object p : list(placement, "preferences")) {
      str(cast(p), "spread").ifPresent(preferences::add);
    }
    return new Service.Deploy(str(d, "mode"), integer(d, "replicas"), plain(map(d, "labels")),
        strings(placement.get("constraints")).orElse(List.of()), preferences, integer(placement, "max_replicas_per_node"),
        str(d, "endpoint_mode"), number(limits, "cpus"), str(limits, "memory").map(Long::parseLong),
        number(reservations, "cpus"), str(reservations, "memory").map(Long::parseLong),
        d.containsKey("update_config") ? Optional.of(update(map(d, "update_config"))) : Optional.empty(),
        d.containsKey("rollback_config") ? Optional.of(update(map(d, "rollback_config"))) : Optional.empty(),
        d.containsKey("restart_policy") ? Optional.of(restart(map(d, "restart_policy"))) : Optional.empty());
  }

  private static Service.Update update(Map<String, Object> u) {
    return new Service.Update(integer(u, "parallelism"), dur(u, "delay"), str(u, "failure_action"), dur(u, "monitor"),
        number(u, "max_failure_ratio"), str(u, "order"));
  }

  private static Service.RestartPolicy restart(Map<String, Object> r) {
    return new Service.RestartPolicy(str(r, "condition"), dur(r, "delay"), integer(r, "max_attempts"), dur(r, "window"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  private static Map<String, Object> map(Map<String, Object> m, String k) {
    return cast(m.get(k));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> m, String k) {
    return m.get(k) instanceof List ? (List<Object>) m.get(k) : List.of();
  }

  private static Optional<String> str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
  }

  private static Optional<Integer> integer(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v instanceof Number ? Optional.of(((Number) v).intValue()) : Optional.empty();
  }

  private static Optional<Double> number(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v instanceof Number ? Optional.of(((Number) v).doubleValue()) : Optional.empty();
  }

  private static Optional<Duration> dur(Map<String, Object> m, String k) {
    return str(m, k).map(s -> Duration.ofNanos(GoValues.parseDuration(s)));
  }

  @SuppressWarnings("unchecked")
  private static Optional<List<String>> strings(Object v) {
    if (!(v instanceof List)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) v) {
      out.add(String.valueOf(o));
    }
    return Optional.of(out);
  }

  private static Map<String, Optional<String>> withEquals(Map<String, Object> in) {
    Map<String, Optional<String>> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, Optional.ofNullable(v).map(String::valueOf)));
    return out;
  }

  private static Map<String, String> plain(Map<String, Object> in) {
    Map<String, String> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
