package io.shoal.manager.http.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.api.error.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter: {@code {"name":{"web":true}}} (or the older
 * {@code {"name":["web"]}}). Each key's values are OR-ed; keys are AND-ed.
 */
public record Filters(Map<String, List<String>> values) {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    public static Filters parse(String json, Set<String> allowed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return new Filters(out);
        }
        JsonNode root;
        try {
            root = PLAIN.readTree(json);
        } catch (Exception e) {
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
            List<String> vals = new ArrayList<>();
            if (e.getValue().isObject()) {
                e.getValue().fieldNames().forEachRemaining(vals::add);
            } else if (e.getValue().isArray()) {
                e.getValue().forEach(v -> vals.add(v.asText()));
            } else {
                throw ApiException.badRequest("invalid filters: values of '" + e.getKey() + "' must be an object or a list");
            }
            out.put(e.getKey(), vals);
        }
        return new Filters(out);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** True when the key is absent or any of its values satisfies the test. */
    public boolean any(String key, java.util.function.Predicate<String> test) {
        List<String> v = values.get(key);
        return v == null || v.stream().anyMatch(test);
    }

    /** Docker's label filter: every {@code key} or {@code key=value} must be on the object. */
    public boolean labels(Map<String, String> labels, String filterKey) {
        for (String want : get(filterKey)) {
            int eq = want.indexOf('=');
            String k = eq < 0 ? want : want.substring(0, eq);
            if (labels == null || !labels.containsKey(k)) {
                return false;
            }
            if (eq >= 0 && !want.substring(eq + 1).equals(labels.get(k))) {
                return false;
            }
        }
        return true;
    }
}
