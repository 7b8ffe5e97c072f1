package io.shoal.worker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON in and out of the node API: Docker's time format, request bodies read as trees, and the filters parameter. */
final class NodeJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Go's zero time, which Docker prints for "never". */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private NodeJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** A request body as a JSON object; an empty body is an empty object. */
    static JsonNode read(String body, String what) {
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (!node.isObject()) {
                throw ApiException.badRequest("invalid " + what + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid " + what + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    static String time(Instant t) {
        return t == null ? ZERO_TIME : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = array();
        if (values != null) {
            values.forEach(a::add);
        }
        return a;
    }

    static ObjectNode map(Map<String, String> values) {
        ObjectNode o = object();
        if (values != null) {
            values.forEach(o::put);
        }
        return o;
    }

    /** Keys of a Docker "set" such as {@code {"80/tcp": {}}}. */
    static ObjectNode set(Collection<String> keys) {
        ObjectNode o = object();
        if (keys != null) {
            keys.forEach(k -> o.putObject(k));
        }
        return o;
    }

    /**
     * Docker's {@code filters} parameter, {@code {"name":{"web":true}}} or {@code {"name":["web"]}}: each key's
     * values are OR-ed, keys AND-ed. An unknown key is refused as dockerd refuses it.
     */
    static Map<String, List<String>> filters(String json, Set<String> allowed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid filters: not JSON: " + json);
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("invalid filters: expected a JSON object: " + json);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw ApiException.badRequest("invalid filter '" + e.getKey() + "'");
            }
            List<String> values = new ArrayList<>();
            if (e.getValue().isObject()) {
                e.getValue().fieldNames().forEachRemaining(values::add);
            } else if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                throw ApiException.badRequest("invalid filters: values of '" + e.getKey() + "' must be an object or a list");
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    /** Docker's label filter: every {@code key} or {@code key=value} must be on the object. */
    static boolean labelsMatch(Map<String, String> labels, List<String> wanted) {
        for (String want : wanted) {
            int eq = want.indexOf('=');
            String key = eq < 0 ? want : want.substring(0, eq);
            if (!labels.containsKey(key) || (eq >= 0 && !want.substring(eq + 1).equals(labels.get(key)))) {
                return false;
            }
        }
        return true;
    }
}
