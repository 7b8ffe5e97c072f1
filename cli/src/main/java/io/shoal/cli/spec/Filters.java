package io.shoal.cli.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import java.util.List;

/**
 * {@code -f KEY=VALUE} flags as Docker's {@code filters} query parameter: {@code {"name":{"web":true}}}.
 * Which keys a list accepts is the daemon's to say; an unknown one comes back as its 400.
 */
public final class Filters {
    private Filters() {}

    public static ObjectNode of(List<KeyValue> flags) {
        ObjectNode f = Json.F.objectNode();
        for (KeyValue kv : flags) {
            Json.object(f, kv.key()).put(kv.value(), true);
        }
        return f;
    }

    /** {@code base} plus one more {@code key=value}. */
    public static ObjectNode with(ObjectNode base, String key, String value) {
        ObjectNode f = base.deepCopy();
        Json.object(f, key).put(value, true);
        return f;
    }
}
