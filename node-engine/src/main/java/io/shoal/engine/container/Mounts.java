package io.shoal.engine.container;

import io.shoal.api.validate.Violation;
import io.shoal.engine.bundle.HostConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Plans a container's mounts as Docker does: {@code Binds} whose source is an absolute path are bind mounts
 * (validated: absolute, normalised, existing, under an allowed root if any), any other source is a volume name;
 * named volumes from the request; tmpfs; and an anonymous volume for every image {@code VOLUME} not covered by
 * one of those. Volumes are only named here; the caller creates them after the plan is accepted.
 */
final class Mounts {

    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");

    record Plan(List<MountPoint> mounts, List<Violation> violations) {
        List<HostConfig.Bind> binds() {
            return mounts.stream().filter(m -> !m.type().equals("tmpfs"))
                    .map(m -> new HostConfig.Bind(m.source(), m.destination(), m.readonly())).toList();
        }
    }

    private Mounts() {
    }

    static Plan plan(HostConfig host, Map<String, String> namedVolumes, Set<String> imageVolumes,
                     List<Path> bindRoots, Function<String, String> volumeSource, Supplier<String> anonymousName) {
        List<Violation> violations = new ArrayList<>();
        Map<String, MountPoint> byDestination = new LinkedHashMap<>();
        for (HostConfig.Bind b : host.binds()) {
            String where = b.source() + ":" + b.destination();
            if (!destinationOk(b.destination())) {
                violations.add(new Violation("HostConfig.Binds", "invalid mount " + where
                        + ": destination must be an absolute path other than / without '..'"));
            } else if (b.source().startsWith("/")) {
                String problem = bindProblem(b.source(), bindRoots);
                if (problem != null) {
                    violations.add(new Violation("HostConfig.Binds", "invalid mount " + where + ": " + problem));
                } else {
                    put(byDestination, new MountPoint("bind", "", b.source(), b.destination(), b.readonly()),
                            violations);
                }
            } else if (VOLUME_NAME.matcher(b.source()).matches()) {
                put(byDestination, new MountPoint("volume", b.source(), volumeSource.apply(b.source()),
                        b.destination(), b.readonly()), violations);
            } else {
                violations.add(new Violation("HostConfig.Binds", "invalid mount " + where
                        + ": source must be an absolute host path or a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)"));
            }
        }
        namedVolumes.forEach((name, dest) -> {
            if (!VOLUME_NAME.matcher(name).matches()) {
                violations.add(new Violation("Volumes", "invalid volume name \"" + name + "\""));
            } else if (!destinationOk(dest)) {
                violations.add(new Violation("Volumes", "invalid destination " + dest + " for volume " + name));
            } else {
                put(byDestination, new MountPoint("volume", name, volumeSource.apply(name), dest, false), violations);
            }
        });
        host.tmpfs().forEach((dest, opts) -> {
            if (!destinationOk(dest)) {
                violations.add(new Violation("HostConfig.Tmpfs", "invalid tmpfs destination " + dest));
            } else {
                put(byDestination, new MountPoint("tmpfs", "", "", dest, false), violations);
            }
        });
        for (String dest : imageVolumes.stream().sorted().toList()) {
            if (destinationOk(dest) && !byDestination.containsKey(clean(dest))) {
                String name = anonymousName.get();
                byDestination.put(clean(dest), new MountPoint("volume", name, volumeSource.apply(name), dest, false));
            }
        }
        return new Plan(List.copyOf(byDestination.values()), violations);
    }

    private static void put(Map<String, MountPoint> byDestination, MountPoint m, List<Violation> violations) {
        if (byDestination.putIfAbsent(clean(m.destination()), m) != null) {
            violations.add(new Violation("HostConfig.Binds", "duplicate mount point: " + m.destination()));
        }
    }

    private static String clean(String dest) {
        return dest.length() > 1 && dest.endsWith("/") ? dest.substring(0, dest.length() - 1) : dest;
    }

    private static boolean destinationOk(String dest) {
        return dest != null && dest.startsWith("/") && !dest.equals("/") && !hasDotDot(dest) && dest.indexOf('\0') < 0;
    }

    private static boolean hasDotDot(String path) {
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Null when the host path may be bound; otherwise why not. */
    private static String bindProblem(String source, List<Path> bindRoots) {
        if (hasDotDot(source) || source.indexOf('\0') >= 0) {
            return "source must not contain '..'";
        }
        Path real;
        try {
            real = Path.of(source).toRealPath();
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return "bind source path does not exist: " + source;
        }
        for (Path r : bindRoots) {
            try {
                if (real.startsWith(r.toRealPath())) {
                    return null;
                }
            } catch (java.io.IOException e) {
                // a missing allowed root allows nothing
            }
        }
        return bindRoots.isEmpty() ? null
                : "bind source " + source + " (" + real + ") is outside the allowed roots " + bindRoots;
    }
}
