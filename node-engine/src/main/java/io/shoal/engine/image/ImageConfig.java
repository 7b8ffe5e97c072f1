package io.shoal.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime part of an image's config blob ({@code config} in the OCI/Docker image JSON) plus the layer
 * diff ids. {@code entrypoint} and {@code cmd} are null when the image does not set them.
 */
public record ImageConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir,
                          String user, Set<String> exposedPorts, Set<String> volumes, Healthcheck healthcheck,
                          Map<String, String> labels, String stopSignal, String os, String architecture,
                          List<String> diffIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        exposedPorts = exposedPorts == null ? Set.of() : Set.copyOf(exposedPorts);
        volumes = volumes == null ? Set.of() : Set.copyOf(volumes);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        stopSignal = stopSignal == null ? "" : stopSignal;
    }

    public static ImageConfig empty() {
        return new ImageConfig(null, null, null, null, null, null, null, null, null, null, "linux", "amd64", null);
    }

    public static ImageConfig parse(byte[] blob) throws IOException {
        JsonNode root = JSON.readTree(blob);
        JsonNode c = root.path("config");
        Healthcheck hc = null;
        JsonNode h = c.path("Healthcheck");
        if (h.isObject()) {
            hc = new Healthcheck(strings(h.path("Test")), nanos(h.path("Interval")), nanos(h.path("Timeout")),
                    nanos(h.path("StartPeriod")), h.path("Retries").asInt(0));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageConfig(strings(c.path("Env")), c.path("Entrypoint").isArray() ? strings(c.get("Entrypoint")) : null,
                c.path("Cmd").isArray() ? strings(c.get("Cmd")) : null, c.path("WorkingDir").asText(""),
                c.path("User").asText(""), keys(c.path("ExposedPorts")), keys(c.path("Volumes")), hc, labels,
                c.path("StopSignal").asText(""), root.path("os").asText("linux"),
                root.path("architecture").asText("amd64"), strings(root.path("rootfs").path("diff_ids")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out); // unmodifiable: the image store shares one parsed config among all its readers
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Duration nanos(JsonNode n) {
        return Duration.ofNanos(n.asLong(0));
    }
}
