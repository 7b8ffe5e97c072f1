package io.shoal.cli.client;

import static io.shoal.cli.client.EngineClient.query;
import static io.shoal.cli.client.EngineClient.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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

    public JsonNode info() {
        return client.get("/info");
    }

    public JsonNode version() {
        return client.get("/version");
    }

    /** {@code GET /services?status=true}: with running and desired task counts. */
    public List<JsonNode> services() {
        return list(client.get("/services", query("status", "true")));
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

    public void removeService(String ref) {
        client.delete("/services/" + segment(ref));
    }

    /** {@code GET /tasks?filters={"service":{"<id>":true}}}. */
    public List<JsonNode> tasksOfService(String serviceId) {
        return list(client.get("/tasks", query("filters", filters("service", serviceId))));
    }

    public List<JsonNode> nodes() {
        return list(client.get("/nodes"));
    }

    public JsonNode node(String ref) {
        return client.get("/nodes/" + segment(ref));
    }

    /** {@code POST /nodes/{id}/update?version=N} with the whole NodeSpec. */
    public void updateNode(String id, long version, JsonNode spec) {
        client.post("/nodes/" + segment(id) + "/update", query("version", Long.toString(version)), spec);
    }

    /** Docker's filters parameter: {@code {"name":{"value":true}}}. */
    static String filters(String name, String value) {
        ObjectNode f = Json.F.objectNode();
        f.putObject(name).put(value, true);
        return Json.compact(f);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
