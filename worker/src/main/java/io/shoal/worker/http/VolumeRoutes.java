package io.shoal.worker.http;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.engine.volume.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /volumes}: create, list (filters name, label, dangling, driver), inspect, remove and prune; local driver only. */
final class VolumeRoutes extends AllDirectives {
    private static final Set<String> LIST_FILTERS = Set.of("name", "label", "dangling", "driver");
    private static final Set<String> PRUNE_FILTERS = Set.of("all", "label", "label!");
    private final EnginePort engine;
    private final Blocking blocking;

    VolumeRoutes(EnginePort engine, Blocking blocking) {
        this.engine = engine;
        this.blocking = blocking;
    }

    Route route() {
        return pathPrefix("volumes", () -> concat(
                pathEnd(() -> get(() -> parameterMap(q -> completeWithFuture(blocking.respond(() -> list(q)))))),
                path("create", () -> post(() -> entity(Unmarshaller.entityToString(), body ->
                        completeWithFuture(blocking.respond(() -> create(body)))))),
                path("prune", () -> post(() -> parameterMap(q -> completeWithFuture(blocking.respond(() -> prune(q)))))),
                path(PathMatchers.segment(), name -> concat(
                        get(() -> completeWithFuture(blocking.respond(() -> Blocking.json(200, view(engine.volume(name)))))),
                        delete(() -> parameterMap(q -> completeWithFuture(blocking.respond(() -> {
                            engine.removeVolume(name, Query.flag(q, "force"));
                            return Blocking.empty(204);
                        }))))))));
    }

    private HttpResponse create(String body) {
        JsonNode json = NodeJson.read(body, "volume config");
        String driver = json.path("Driver").asText("");
        if (!driver.isEmpty() && !driver.equals("local")) {
            throw ApiException.notFound("plugin \"" + driver + "\" not found: only the local volume driver is available");
        }
        if (json.path("DriverOpts").size() > 0) {
            throw ApiException.badRequest("driver options are not supported by the local driver of this node yet");
        }
        String name = json.path("Name").asText("");
        Map<String, String> labels = new LinkedHashMap<>();
        json.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return Blocking.json(201, view(engine.createVolume(name.isEmpty() ? null : name, labels)));
    }

    private HttpResponse list(Map<String, String> q) {
        Map<String, List<String>> f = NodeJson.filters(q.get("filters"), LIST_FILTERS);
        List<String> dangling = f.get("dangling");
        ArrayNode volumes = NodeJson.array();
        for (Volume v : engine.volumes()) {
            boolean unused = engine.list(true).stream().noneMatch(c -> c.volumeNames().contains(v.name()));
            if ((f.containsKey("name") && f.get("name").stream().noneMatch(n -> v.name().contains(n)))
                    || (f.containsKey("driver") && !f.get("driver").contains("local"))
                    || (dangling != null && dangling.stream().noneMatch(d -> Boolean.parseBoolean(d) == unused
                            || (d.equals("1") && unused) || (d.equals("0") && !unused)))
                    || !NodeJson.labelsMatch(v.labels(), f.getOrDefault("label", List.of()))) {
                continue;
            }
            volumes.add(view(v));
        }
        ObjectNode out = NodeJson.object();
        out.set("Volumes", volumes);
        out.set("Warnings", NodeJson.array());
        return Blocking.json(200, out);
    }

    private HttpResponse prune(Map<String, String> q) {
        Map<String, List<String>> f = NodeJson.filters(q.get("filters"), PRUNE_FILTERS);
        boolean all = f.getOrDefault("all", List.of()).stream().anyMatch(v -> v.equals("1") || v.equalsIgnoreCase("true"));
        List<String> wanted = f.getOrDefault("label", List.of());
        List<String> unwanted = f.getOrDefault("label!", List.of());
        // as dockerd: every label= must match; a volume matching every label!= is kept
        ObjectNode out = NodeJson.object();
        out.set("VolumesDeleted", NodeJson.strings(engine.pruneVolumes(all, v -> NodeJson.labelsMatch(v.labels(), wanted)
                && (unwanted.isEmpty() || !NodeJson.labelsMatch(v.labels(), unwanted)))));
        out.put("SpaceReclaimed", 0);
        return Blocking.json(200, out);
    }

    static ObjectNode view(Volume v) {
        ObjectNode o = NodeJson.object();
        o.put("Name", v.name());
        o.put("Driver", v.driver());
        o.put("Mountpoint", v.mountpoint().toString());
        o.put("CreatedAt", NodeJson.time(v.createdAt()));
        o.set("Labels", NodeJson.map(v.labels()));
        o.put("Scope", "local");
        o.putObject("Options");
        return o;
    }
}
