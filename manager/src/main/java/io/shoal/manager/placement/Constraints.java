package io.shoal.manager.placement;

import io.shoal.api.model.Node;
import io.shoal.api.model.TaskSpec;
import java.util.Map;

/**
 * Swarm's placement constraints ({@code node.labels.dc==east}, {@code node.role!=manager}) matched
 * against a node. Values compare case-insensitively, as Swarm compares them.
 */
public final class Constraints {
    private Constraints() {}

    public static boolean matchAll(TaskSpec spec, Node node) {
        if (spec == null || spec.placement() == null || spec.placement().constraints() == null) {
            return true;
        }
        for (String c : spec.placement().constraints()) {
            if (!matches(c, node)) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(String constraint, Node node) {
        boolean equal = constraint.contains("==");
        String[] kv = constraint.split(equal ? "==" : "!=", 2);
        if (kv.length != 2) {
            return false;
        }
        String key = kv[0].trim();
        String want = kv[1].trim();
        String have = value(key, node);
        boolean same = have != null && have.equalsIgnoreCase(want);
        return equal == same;
    }

    private static String value(String key, Node node) {
        Node.Description d = node.description();
        switch (key) {
            case "node.id":
                return node.id();
            case "node.hostname":
                return d == null ? null : d.hostname();
            case "node.role":
                return node.spec().role();
            case "node.platform.os":
                return d == null || d.platform() == null ? null : d.platform().os();
            case "node.platform.arch":
                return d == null || d.platform() == null ? null : d.platform().architecture();
            default:
                if (key.startsWith("node.labels.")) {
                    return label(node.spec().labels(), key.substring("node.labels.".length()));
                }
                if (key.startsWith("engine.labels.") && d != null && d.engine() != null) {
                    return label(d.engine().labels(), key.substring("engine.labels.".length()));
                }
                return null;
        }
    }

    private static String label(Map<String, String> labels, String k) {
        return labels == null ? null : labels.get(k);
    }
}
