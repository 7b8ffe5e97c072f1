package io.shoal.worker.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.api.error.ApiException;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.bundle.NetworkMode;
import io.shoal.engine.bundle.RuntimeSpec;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.image.Healthcheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /containers/create} (Docker's {@code Config} with {@code HostConfig} inside) read into the
 * engine's request. {@code autoRemove} ({@code --rm}) is Docker's business, not the engine's, so it stays here.
 * Networks other than {@code host} and {@code none} come with the networking issue: until then {@code bridge}
 * and {@code default} give the container its own, unconnected network namespace.
 */
record CreateBody(ContainerRequest request, boolean autoRemove) {
    static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final long DEFAULT_CPU_PERIOD = 100_000;

    static CreateBody parse(String name, JsonNode body) {
        String cleanName = null;
        if (name != null && !name.isEmpty()) {
            if (!NAME.matcher(name).matches()) {
                throw ApiException.badRequest("Invalid container name (" + name
                        + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
            }
            cleanName = name.startsWith("/") ? name.substring(1) : name;
        }
        String image = body.path("Image").asText("");
        if (image.isEmpty()) {
            throw ApiException.badRequest("config.Image: an image is required");
        }
        JsonNode host = body.path("HostConfig");
        ContainerConfig config = new ContainerConfig(strings(body.get("Env")), entrypoint(body.get("Entrypoint")),
                strings(body.get("Cmd")), body.path("WorkingDir").asText(""), body.path("User").asText(""),
                keys(body.get("ExposedPorts")), keys(body.get("Volumes")), healthcheck(body.get("Healthcheck")),
                map(body.get("Labels")), body.path("StopSignal").asText(""), body.path("Hostname").asText(""));
        Duration stopTimeout = body.hasNonNull("StopTimeout") ? Duration.ofSeconds(body.get("StopTimeout").asLong()) : null;
        Map<String, String> volumes = new LinkedHashMap<>();
        HostConfig hostConfig = hostConfig(host, volumes);
        ContainerRequest request = new ContainerRequest(cleanName, image, config, hostConfig, volumes, 0,
                body.path("Tty").asBoolean(false), body.path("OpenStdin").asBoolean(false), stopTimeout);
        return new CreateBody(request, host.path("AutoRemove").asBoolean(false));
    }

    private static HostConfig hostConfig(JsonNode h, Map<String, String> volumes) {
        long cpuPeriod = h.path("CpuPeriod").asLong(0);
        long cpuQuota = h.path("CpuQuota").asLong(0);
        long nanoCpus = h.path("NanoCpus").asLong(h.path("NanoCPUs").asLong(0));
        if (nanoCpus > 0) {
            if (cpuQuota > 0) {
                throw ApiException.badRequest("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
            }
            cpuPeriod = DEFAULT_CPU_PERIOD;
            cpuQuota = nanoCpus * DEFAULT_CPU_PERIOD / 1_000_000_000L;
        }
        List<HostConfig.Bind> binds = new ArrayList<>();
        for (String b : nullToEmpty(strings(h.get("Binds")))) {
            binds.add(bind(b));
        }
        Map<String, String> tmpfs = new LinkedHashMap<>(map(h.get("Tmpfs")));
        for (JsonNode m : h.path("Mounts")) {
            mount(m, binds, volumes, tmpfs);
        }
        List<RuntimeSpec.Rlimit> ulimits = new ArrayList<>();
        for (JsonNode u : h.path("Ulimits")) {
            ulimits.add(new RuntimeSpec.Rlimit("RLIMIT_" + u.path("Name").asText().toUpperCase(Locale.ROOT),
                    u.path("Hard").asLong(), u.path("Soft").asLong()));
        }
        return new HostConfig(h.path("Memory").asLong(0), h.path("MemorySwap").asLong(0), h.path("CpuShares").asLong(0),
                cpuQuota, cpuPeriod, h.path("CpusetCpus").asText(""), h.path("PidsLimit").asLong(0),
                strings(h.get("CapAdd")), strings(h.get("CapDrop")), h.path("Privileged").asBoolean(false), null,
                map(h.get("Sysctls")), ulimits, h.path("ReadonlyRootfs").asBoolean(false), tmpfs, binds,
                network(h.path("NetworkMode").asText("")), h.path("Init").asBoolean(false));
    }

    /** {@code source:destination[:options]}; a source without a slash is a named volume, as in Docker. */
    static HostConfig.Bind bind(String spec) {
        String[] parts = spec.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw ApiException.badRequest("invalid volume specification: '" + spec + "'");
        }
        boolean readonly = false;
        if (parts.length == 3) {
            for (String option : parts[2].split(",")) {
                if (option.equals("ro")) {
                    readonly = true;
                } else if (!Set.of("rw", "z", "Z", "rprivate", "private", "rshared", "shared", "rslave", "slave",
                        "nocopy").contains(option)) {
                    throw ApiException.badRequest("invalid mode: " + option + " in '" + spec + "'");
                }
            }
        }
        return new HostConfig.Bind(parts[0], parts[1], readonly);
    }

    private static void mount(JsonNode m, List<HostConfig.Bind> binds, Map<String, String> volumes,
                              Map<String, String> tmpfs) {
        String type = m.path("Type").asText("");
        String source = m.path("Source").asText("");
        String target = m.path("Target").asText("");
        if (target.isEmpty()) {
            throw ApiException.badRequest("invalid mount config: Target must not be empty");
        }
        switch (type) {
            case "bind" -> binds.add(new HostConfig.Bind(source, target, m.path("ReadOnly").asBoolean(false)));
            case "volume" -> {
                if (source.isEmpty()) {
                    throw ApiException.badRequest("invalid mount config for type \"volume\": a volume name is required");
                }
                if (m.path("ReadOnly").asBoolean(false)) {
                    binds.add(new HostConfig.Bind(source, target, true));
                } else {
                    volumes.put(source, target);
                }
            }
            case "tmpfs" -> {
                JsonNode o = m.path("TmpfsOptions");
                List<String> options = new ArrayList<>();
                if (o.path("SizeBytes").asLong(0) > 0) {
                    options.add("size=" + o.get("SizeBytes").asLong());
                }
                if (o.hasNonNull("Mode")) {
                    options.add("mode=" + Integer.toOctalString(o.get("Mode").asInt()));
                }
                tmpfs.put(target, String.join(",", options));
            }
            default -> throw ApiException.badRequest("invalid mount config: mount type unknown: \"" + type + "\"");
        }
    }

    private static NetworkMode network(String mode) {
        return switch (mode) {
            case "", "default", "bridge", "none" -> NetworkMode.none();
            case "host" -> NetworkMode.host();
            default -> throw ApiException.badRequest("network " + mode + " not found: this node runs containers with "
                    + "networks none, host and bridge (unconnected) until the networking issue lands");
        };
    }

    private static Healthcheck healthcheck(JsonNode h) {
        if (h == null || !h.isObject()) {
            return null;
        }
        return new Healthcheck(strings(h.get("Test")), nanos(h.get("Interval")), nanos(h.get("Timeout")),
                nanos(h.get("StartPeriod")), h.path("Retries").asInt(0));
    }

    private static Duration nanos(JsonNode n) {
        return n == null || n.isNull() || n.asLong() == 0 ? null : Duration.ofNanos(n.asLong());
    }

    /** Docker's {@code Entrypoint}: absent or null means "the image's", {@code [""]} or {@code []} means none. */
    private static List<String> entrypoint(JsonNode n) {
        List<String> e = strings(n);
        if (e == null) {
            return null;
        }
        return e.size() == 1 && e.get(0).isEmpty() ? List.of() : e;
    }

    /** A JSON array of strings (or one string, as Docker accepts for Cmd and Entrypoint); null when absent. */
    static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            throw ApiException.badRequest("invalid value " + n + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<String> nullToEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
