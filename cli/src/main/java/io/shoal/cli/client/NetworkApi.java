package io.shoal.cli.client;

import static io.shoal.cli.client.EngineClient.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Engine API's {@code /networks} calls, with the request shapes dockerd expects. */
public final class NetworkApi {
    private final EngineClient client;

    public NetworkApi(EngineClient client) {
        this.client = client;
    }

    /** {@code POST /networks/create}: {@code {"Id": ..., "Warning": ...}}. */
    public JsonNode create(ObjectNode request) {
        return client.post("/networks/create", Map.of(), request);
    }

    /** {@code GET /networks?filters=...}; no filters parameter when {@code filters} is empty. */
    public List<JsonNode> list(ObjectNode filters) {
        JsonNode array = client.get("/networks", filters.isEmpty() ? Map.of() : Map.of("filters", Json.compact(filters)));
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** By id, name or unique id prefix. */
    public JsonNode inspect(String ref) {
        return client.get("/networks/" + segment(ref));
    }

    public void remove(String ref) {
        client.delete("/networks/" + segment(ref));
    }

    /** {@code POST /networks/prune}: the names of the networks removed. */
    public List<String> prune(ObjectNode filters) {
        JsonNode r = client.post("/networks/prune", filters.isEmpty() ? Map.of() : Map.of("filters", Json.compact(filters)), null);
        List<String> out = new ArrayList<>();
        r.path("NetworksDeleted").forEach(n -> out.add(n.asText()));
        return out;
    }
}
