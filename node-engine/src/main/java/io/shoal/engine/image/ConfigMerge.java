package io.shoal.engine.image;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an image's config into a container's as Docker's daemon does before create: the container's values
 * win, the image fills what is unset; Env and Labels are merged by key; ExposedPorts and Volumes are unions.
 * Entrypoint and Cmd follow Docker: an image Cmd is only inherited when the container sets neither Entrypoint
 * nor Cmd, so {@code docker run --entrypoint x img} does not append the image's Cmd. Pure.
 */
public final class ConfigMerge {

    /** The result: what the process will run with. {@code argv} is entrypoint + cmd. */
    public record Resolved(List<String> argv, List<String> env, String workingDir, String user,
                           Set<String> exposedPorts, Set<String> volumes, Healthcheck healthcheck,
                           Map<String, String> labels, String stopSignal) {
    }

    private ConfigMerge() {
    }

    public static Resolved merge(ImageConfig image, ContainerConfig container) {
        List<String> entrypoint = container.entrypoint();
        List<String> cmd = container.cmd();
        if (entrypoint == null || entrypoint.isEmpty()) {
            if (cmd == null || cmd.isEmpty()) {
                cmd = image.cmd();
            }
            if (entrypoint == null) {
                entrypoint = image.entrypoint();
            }
        }
        List<String> argv = new ArrayList<>();
        if (entrypoint != null) {
            argv.addAll(entrypoint);
        }
        if (cmd != null) {
            argv.addAll(cmd);
        }
        Healthcheck health = container.healthcheck() == null ? image.healthcheck()
                : container.healthcheck().inheritFrom(image.healthcheck());
        if (health != null && (health.disabled() || health.test().isEmpty())) {
            health = null;
        }
        return new Resolved(List.copyOf(argv), mergeEnv(image.env(), container.env()),
                container.workingDir().isEmpty() ? image.workingDir() : container.workingDir(),
                container.user().isEmpty() ? image.user() : container.user(),
                union(image.exposedPorts(), container.exposedPorts()), union(image.volumes(), container.volumes()),
                health, mergeLabels(image.labels(), container.labels()),
                container.stopSignal().isEmpty() ? image.stopSignal() : container.stopSignal());
    }

    /** The container's entries, then each image entry whose key the container does not set (Docker's order). */
    static List<String> mergeEnv(List<String> image, List<String> container) {
        Set<String> keys = new HashSet<>();
        for (String e : container) {
            keys.add(key(e));
        }
        List<String> out = new ArrayList<>(container);
        for (String e : image) {
            if (!keys.contains(key(e))) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static String key(String envEntry) {
        int eq = envEntry.indexOf('=');
        return eq < 0 ? envEntry : envEntry.substring(0, eq);
    }

    private static Map<String, String> mergeLabels(Map<String, String> image, Map<String, String> container) {
        Map<String, String> out = new LinkedHashMap<>(image);
        out.putAll(container);
        return Map.copyOf(out);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
