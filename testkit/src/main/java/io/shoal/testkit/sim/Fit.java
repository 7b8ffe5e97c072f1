package io.shoal.testkit.sim;

import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.PublishedPort;
import java.util.Locale;

/**
 * The simulation's own reading of the placement rules, written apart from the scheduler's so the
 * invariants check the scheduler rather than repeat it. Covers the constraint forms the simulation
 * generates: {@code node.labels.K}, {@code engine.labels.K}, {@code node.role}, {@code node.platform.arch}.
 */
final class Fit {
    private Fit() {}

    /** The node takes new tasks and the service's constraints and platforms allow it. */
    static boolean eligible(SimNode n, SimService s) {
        return n.acceptsNewTasks() && constraintsHold(n, s) && platformOk(n, s);
    }

    static boolean constraintsHold(SimNode n, SimService s) {
        for (String c : s.constraints) {
            boolean equal = c.contains("==");
            String[] kv = c.split(equal ? "==" : "!=", 2);
            String actual = value(n, kv[0].trim());
            boolean same = actual != null && actual.equalsIgnoreCase(kv[1].trim());
            if (same != equal) {
                return false;
            }
        }
        return true;
    }

    static boolean platformOk(SimNode n, SimService s) {
        if (s.platforms.isEmpty()) {
            return true;
        }
        for (Platform p : s.platforms) {
            if ((p.os().isEmpty() || p.os().equals(n.platform.os()))
                    && (p.architecture().isEmpty() || p.architecture().equals(n.platform.architecture()))) {
                return true;
            }
        }
        return false;
    }

    /** One more task of the service fits next to what {@code u} already holds. */
    static boolean hasRoom(SimNode n, Usage u, SimService s) {
        if (u.nanoCpus + s.reservations.nanoCpus() > n.nanoCpus
                || u.memoryBytes + s.reservations.memoryBytes() > n.memoryBytes) {
            return false;
        }
        long gpus = s.reservations.generic().getOrDefault("gpu", 0L);
        if (gpus > 0 && u.gpuIds.size() + u.gpusWithoutId + gpus > n.gpus.size()) {
            return false;
        }
        if (s.maxReplicasPerNode > 0 && u.of(s.id) >= s.maxReplicasPerNode) {
            return false;
        }
        for (PublishedPort p : s.hostPorts) {
            if (u.ports.contains(p)) {
                return false;
            }
        }
        return true;
    }

    static String value(SimNode n, String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("node.labels.")) {
            return n.labels.get(key.substring("node.labels.".length()));
        }
        if (k.startsWith("engine.labels.")) {
            return n.engineLabels.get(key.substring("engine.labels.".length()));
        }
        switch (k) {
            case "node.role":
                return n.role.name().toLowerCase(Locale.ROOT);
            case "node.platform.arch":
                return n.platform.architecture();
            case "node.platform.os":
                return n.platform.os();
            default:
                throw new IllegalArgumentException("simulation does not generate " + key);
        }
    }
}
