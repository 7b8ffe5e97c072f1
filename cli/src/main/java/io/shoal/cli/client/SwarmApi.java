package io.shoal.cli.client;

import static io.shoal.cli.client.EngineClient.query;
import static io.shoal.cli.client.EngineClient.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Engine API calls the {@code shoal} commands make, one method each, with the request shapes dockerd expects. */
public final class SwarmApi {
    private final EngineClient client;

    public SwarmApi(EngineClient client) {
        this.client = client;
    }

    public EngineClient client() {
        return client;
    }

    /** {@code POST /swarm/init}: the id of the node that is now the swarm's first manager. */
    public String initSwarm(ObjectNode request) {
        return client.post("/swarm/init", Map.of(), request).asText();
    }

    /** {@code GET /swarm}: the swarm with its join tokens (managers only). */
    public JsonNode swarm() {
        return client.get("/swarm");
    }

    /** {@code POST /swarm/join}: this daemon's node joins the swarm of one of {@code request.RemoteAddrs}. */
    public void joinSwarm(ObjectNode request) {
        client.post("/swarm/join", Map.of(), request);
    }

    /** {@code POST /swarm/leave?force=}. */
    public void leaveSwarm(boolean force) {
        client.post("/swarm/leave", query("force", Boolean.toString(force)), null);
    }

    /** {@code POST /swarm/update?version=N&rotateWorkerToken=&rotateManagerToken=} with the swarm's spec. */
    public void updateSwarm(long version, boolean rotateWorker, boolean rotateManager, JsonNode spec) {
        client.post("/swarm/update", query("version", Long.toString(version), "rotateWorkerToken", Boolean.toString(rotateWorker),
                "rotateManagerToken", Boolean.toString(rotateManager)), spec);
    }

    /** {@code DELETE /nodes/{id}?force=}. */
    public void removeNode(String ref, boolean force) {
        client.delete("/nodes/" + segment(ref), query("force", Boolean.toString(force)));
    }

    public JsonNode info() {
        return client.get("/info");
    }

    public JsonNode version() {
        return client.get("/version");
    }

    /** {@code GET /services?status=true}: with running and desired task counts. */
    public List<JsonNode> services() {
        return services(Json.F.objectNode());
    }

    /** {@code GET /services?filters=...&status=true}; no filters parameter when {@code filters} is empty. */
    public List<JsonNode> services(ObjectNode filters) {
        return list(client.get("/services", withFilters(filters, "status", "true")));
    }

    /** By id, name or unique id prefix, as the spec is stored ({@code insertDefaults=false}, for read-modify-write). */
    public JsonNode service(String ref) {
        return client.get("/services/" + segment(ref), query("insertDefaults", "false"));
    }

    /** As {@code docker service inspect} asks: with the daemon's defaults filled in ({@code insertDefaults=true}). */
    public JsonNode inspectService(String ref) {
        return client.get("/services/" + segment(ref), query("insertDefaults", "true"));
    }

    /** {@code POST /services/create}: {@code {"ID": ..., "Warnings": [...]}}. */
    public JsonNode createService(ObjectNode spec) {
        return client.post("/services/create", Map.of(), spec);
    }

    /** {@code POST /services/{id}/update?version=N}: refused by the daemon if {@code version} is stale. */
    public JsonNode updateService(String id, long version, JsonNode spec) {
        return client.post("/services/" + segment(id) + "/update", query("version", Long.toString(version)), spec);
    }

    /** {@code POST /services/{id}/update?rollback=previous&version=N}: back to the spec before the last update. */
    public JsonNode rollbackService(String id, long version, JsonNode spec) {
        return client.post("/services/" + segment(id) + "/update",
                query("rollback", "previous", "version", Long.toString(version)), spec);
    }

    public void removeService(String ref) {
        client.delete("/services/" + segment(ref));
    }

    /** {@code GET /tasks?filters={"service":{"<id>":true}}}. */
    public List<JsonNode> tasksOfService(String serviceId) {
        return tasksOfService(serviceId, Json.F.objectNode());
    }

    /** The tasks of one service, narrowed by more {@code filters} ({@code desired-state}, {@code node}...). */
    public List<JsonNode> tasksOfService(String serviceId, ObjectNode filters) {
        ObjectNode f = Json.F.objectNode();
        f.putObject("service").put(serviceId, true);
        filters.fields().forEachRemaining(e -> f.set(e.getKey(), e.getValue()));
        return tasks(f);
    }

    /** {@code GET /tasks?filters=...}. */
    public List<JsonNode> tasks(ObjectNode filters) {
        return list(client.get("/tasks", withFilters(filters)));
    }

    public JsonNode task(String id) {
        return client.get("/tasks/" + segment(id));
    }

    /** {@code GET /services/{ref}/logs}: Docker's log stream (multiplexed frames unless the tasks have a TTY). */
    public java.io.InputStream serviceLogs(String ref, Map<String, String> query) {
        return client.stream("/services/" + segment(ref) + "/logs", query);
    }

    /** {@code GET /tasks/{id}/logs}. */
    public java.io.InputStream taskLogs(String id, Map<String, String> query) {
        return client.stream("/tasks/" + segment(id) + "/logs", query);
    }

    public List<JsonNode> nodes() {
        return nodes(Json.F.objectNode());
    }

    /** {@code GET /nodes?filters=...}; no filters parameter when {@code filters} is empty. */
    public List<JsonNode> nodes(ObjectNode filters) {
        return list(client.get("/nodes", withFilters(filters)));
    }

    public JsonNode node(String ref) {
        return client.get("/nodes/" + segment(ref));
    }

    /** {@code POST /nodes/{id}/update?version=N} with the whole NodeSpec. */
    public void updateNode(String id, long version, JsonNode spec) {
        client.post("/nodes/" + segment(id) + "/update", query("version", Long.toString(version)), spec);
    }

    /** {@code filters} (when not empty) first, then the other parameters, in the order dockerd's clients send them. */
    private static Map<String, String> withFilters(ObjectNode filters, String... more) {
        Map<String, String> q = new LinkedHashMap<>();
        if (filters != null && !filters.isEmpty()) {
            q.put("filters", Json.compact(filters));
        }
        q.putAll(query(more));
        return q;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
