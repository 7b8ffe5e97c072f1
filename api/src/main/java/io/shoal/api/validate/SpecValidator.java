package io.shoal.api.validate;

import io.shoal.api.model.Node;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.ServiceSpec.PortConfig;
import io.shoal.api.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks service and node specs before they reach the cluster state, returning every violation with
 * the field path the Docker Engine API uses. Pure: no I/O.
 */
public final class SpecValidator {
    private static final Set<String> RESTART_CONDITIONS = Set.of("none", "on-failure", "any");
    private static final Set<String> FAILURE_ACTIONS = Set.of("pause", "continue", "rollback");
    private static final Set<String> ORDERS = Set.of("stop-first", "start-first");
    private static final Set<String> ENDPOINT_MODES = Set.of("vip", "dnsrr");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Set<String> PUBLISH_MODES = Set.of("ingress", "host");
    private static final Set<String> ROLES = Set.of("worker", "manager");
    private static final Set<String> AVAILABILITIES = Set.of("active", "pause", "drain");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*[\\w.\\-]+\\s*(==|!=)\\s*\\S.*");
    private static final Pattern SPREAD = Pattern.compile("(node\\.labels|engine\\.labels)\\.[^\\s=]+|node\\.(id|hostname|role|platform\\.os|platform\\.arch)");

    private SpecValidator() {}

    public static List<Violation> validate(ServiceSpec spec) {
        List<Violation> v = new ArrayList<>();
        if (spec.name() == null || spec.name().isEmpty()) {
            v.add(new Violation("Name", "name must be provided"));
        } else if (!Names.isDnsComponent(spec.name())) {
            v.add(new Violation("Name", "name must be valid as a DNS name component (letters, digits, '-' and '_', at most 63 characters): \"" + spec.name() + "\""));
        }
        labels("Labels", spec.labels(), v);
        mode(spec.mode(), v);
        if (spec.taskTemplate() == null) {
            v.add(new Violation("TaskTemplate", "task template must be provided"));
        } else {
            taskSpec(spec.taskTemplate(), v);
        }
        update("UpdateConfig", spec.updateConfig(), v);
        update("RollbackConfig", spec.rollbackConfig(), v);
        endpoint(spec.endpointSpec(), v);
        return v;
    }

    public static List<Violation> validate(Node.Spec spec) {
        List<Violation> v = new ArrayList<>();
        if (spec.role() != null && !ROLES.contains(spec.role())) {
            v.add(new Violation("Role", "invalid role \"" + spec.role() + "\", must be one of worker, manager"));
        }
        if (spec.availability() != null && !AVAILABILITIES.contains(spec.availability())) {
            v.add(new Violation("Availability", "invalid availability \"" + spec.availability() + "\", must be one of active, pause, drain"));
        }
        labels("Labels", spec.labels(), v);
        return v;
    }

    private static void mode(ServiceSpec.Mode mode, List<Violation> v) {
        if (mode == null) {
            return;
        }
        if (mode.replicated() != null && mode.global() != null) {
            v.add(new Violation("Mode", "only one of Replicated or Global may be set"));
        }
        if (mode.replicated() != null && mode.replicated().replicas() != null && mode.replicated().replicas() < 0) {
            v.add(new Violation("Mode.Replicated.Replicas", "replicas must not be negative: " + mode.replicated().replicas()));
        }
    }

    private static void taskSpec(TaskSpec t, List<Violation> v) {
        TaskSpec.ContainerSpec c = t.containerSpec();
        if (c == null || c.image() == null || c.image().isBlank()) {
            v.add(new Violation("TaskTemplate.ContainerSpec.Image", "image reference must be provided"));
        } else if (c.image().chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            v.add(new Violation("TaskTemplate.ContainerSpec.Image", "invalid image reference \"" + c.image() + "\""));
        }
        if (c != null) {
            labels("TaskTemplate.ContainerSpec.Labels", c.labels(), v);
            if (c.env() != null) {
                for (String e : c.env()) {
                    if (e == null || e.isEmpty() || e.startsWith("=") || e.indexOf('\0') >= 0) {
                        v.add(new Violation("TaskTemplate.ContainerSpec.Env", "invalid environment variable \"" + e + "\""));
                    }
                }
            }
            nonNegative("TaskTemplate.ContainerSpec.StopGracePeriod", c.stopGracePeriod(), v);
        }
        if (t.resources() != null) {
            if (t.resources().limits() != null) {
                nonNegative("TaskTemplate.Resources.Limits.NanoCPUs", t.resources().limits().nanoCpus(), v);
                nonNegative("TaskTemplate.Resources.Limits.MemoryBytes", t.resources().limits().memoryBytes(), v);
            }
            if (t.resources().reservations() != null) {
                nonNegative("TaskTemplate.Resources.Reservations.NanoCPUs", t.resources().reservations().nanoCpus(), v);
                nonNegative("TaskTemplate.Resources.Reservations.MemoryBytes", t.resources().reservations().memoryBytes(), v);
            }
        }
        TaskSpec.RestartPolicy r = t.restartPolicy();
        if (r != null) {
            oneOf("TaskTemplate.RestartPolicy.Condition", r.condition(), RESTART_CONDITIONS, v);
            nonNegative("TaskTemplate.RestartPolicy.Delay", r.delay(), v);
            nonNegative("TaskTemplate.RestartPolicy.MaxAttempts", r.maxAttempts(), v);
            nonNegative("TaskTemplate.RestartPolicy.Window", r.window(), v);
        }
        TaskSpec.Placement p = t.placement();
        if (p != null) {
            if (p.constraints() != null) {
                for (String s : p.constraints()) {
                    if (s == null || !CONSTRAINT.matcher(s).matches()) {
                        v.add(new Violation("TaskTemplate.Placement.Constraints", "invalid constraint \"" + s + "\": expected KEY==VALUE or KEY!=VALUE"));
                    }
                }
            }
            if (p.preferences() != null) {
                for (TaskSpec.Preference pref : p.preferences()) {
                    String d = pref == null || pref.spread() == null ? null : pref.spread().spreadDescriptor();
                    if (d == null || !SPREAD.matcher(d).matches()) {
                        v.add(new Violation("TaskTemplate.Placement.Preferences", "invalid spread descriptor \"" + d + "\""));
                    }
                }
            }
            nonNegative("TaskTemplate.Placement.MaxReplicas", p.maxReplicas(), v);
        }
    }

    private static void update(String field, ServiceSpec.UpdateConfig u, List<Violation> v) {
        if (u == null) {
            return;
        }
        nonNegative(field + ".Parallelism", u.parallelism(), v);
        nonNegative(field + ".Delay", u.delay(), v);
        nonNegative(field + ".Monitor", u.monitor(), v);
        oneOf(field + ".FailureAction", u.failureAction(), FAILURE_ACTIONS, v);
        oneOf(field + ".Order", u.order(), ORDERS, v);
        if (u.maxFailureRatio() != null && (u.maxFailureRatio() < 0 || u.maxFailureRatio() > 1)) {
            v.add(new Violation(field + ".MaxFailureRatio", "must be between 0 and 1: " + u.maxFailureRatio()));
        }
    }

    private static void endpoint(ServiceSpec.EndpointSpec e, List<Violation> v) {
        if (e == null) {
            return;
        }
        oneOf("EndpointSpec.Mode", e.mode(), ENDPOINT_MODES, v);
        if (e.ports() == null) {
            return;
        }
        for (int i = 0; i < e.ports().size(); i++) {
            PortConfig p = e.ports().get(i);
            String f = "EndpointSpec.Ports[" + i + "]";
            oneOf(f + ".Protocol", p.protocol(), PROTOCOLS, v);
            oneOf(f + ".PublishMode", p.publishMode(), PUBLISH_MODES, v);
            port(f + ".TargetPort", p.targetPort(), v);
            port(f + ".PublishedPort", p.publishedPort(), v);
            if ("dnsrr".equals(e.mode()) && !"host".equals(p.publishMode())) {
                v.add(new Violation(f + ".PublishMode", "port published with ingress mode can't be used with dnsrr mode"));
            }
        }
    }

    private static void port(String field, Integer port, List<Violation> v) {
        if (port != null && (port < 0 || port > 65535)) {
            v.add(new Violation(field, "port out of range 0-65535: " + port));
        }
    }

    private static void labels(String field, Map<String, String> labels, List<Violation> v) {
        if (labels == null) {
            return;
        }
        for (String k : labels.keySet()) {
            if (!Names.isLabelKey(k)) {
                v.add(new Violation(field, "invalid label key \"" + k + "\""));
            }
        }
    }

    private static void oneOf(String field, String value, Set<String> allowed, List<Violation> v) {
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            v.add(new Violation(field, "invalid value \"" + value + "\", must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
        }
    }

    private static void nonNegative(String field, Number n, List<Violation> v) {
        if (n != null && n.doubleValue() < 0) {
            v.add(new Violation(field, "must not be negative: " + n));
        }
    }
}
