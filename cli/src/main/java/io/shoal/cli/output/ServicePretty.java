package io.shoal.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.spec.SpecEdits;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** {@code shoal service inspect --pretty}: a service as docker's human-readable sections, from its JSON. */
public final class ServicePretty {
    private ServicePretty() {}

    public static void print(PrintWriter out, JsonNode service) {
        JsonNode spec = service.path("Spec");
        line(out, 0, "ID", Json.text(service, "ID"));
        line(out, 0, "Name", Json.text(spec, "Name"));
        map(out, "Labels", spec.path("Labels"));
        String mode = SpecEdits.modeName(spec);
        line(out, 0, "Service Mode", HumanTime.capitalize(mode));
        if (mode.equals("replicated")) {
            JsonNode r = Json.at(spec, "Mode", "Replicated", "Replicas");
            line(out, 1, "Replicas", r.isNumber() ? r.asText() : "1");
        }
        JsonNode constraints = Json.at(spec, "TaskTemplate", "Placement", "Constraints");
        if (constraints.isArray() && !constraints.isEmpty()) {
            out.println("Placement:");
            line(out, 1, "Constraints", join(constraints));
        }
        JsonNode container = Json.at(spec, "TaskTemplate", "ContainerSpec");
        out.println("ContainerSpec:");
        line(out, 1, "Image", Json.text(container, "Image"));
        if (container.path("Args").isArray() && !container.path("Args").isEmpty()) {
            line(out, 1, "Args", join(container.path("Args")).replace(", ", " "));
        }
        if (container.path("Env").isArray() && !container.path("Env").isEmpty()) {
            line(out, 1, "Env", join(container.path("Env")).replace(", ", " "));
        }
        resources(out, Json.at(spec, "TaskTemplate", "Resources"));
        line(out, 0, "Endpoint Mode", Json.text(service, "Endpoint", "Spec", "Mode").isEmpty() ? "vip"
                : Json.text(service, "Endpoint", "Spec", "Mode"));
        String ports = ServiceRows.ports(service);
        if (!ports.isEmpty()) {
            out.println("Ports:");
            for (String p : ports.split(", ")) {
                out.println(" " + p);
            }
        }
        out.flush();
    }

    private static void resources(PrintWriter out, JsonNode r) {
        JsonNode reservations = r.path("Reservations");
        JsonNode limits = r.path("Limits");
        if (!hasAny(reservations) && !hasAny(limits)) {
            return;
        }
        out.println("Resources:");
        quantities(out, "Reservations", reservations);
        quantities(out, "Limits", limits);
    }

    private static void quantities(PrintWriter out, String title, JsonNode q) {
        if (!hasAny(q)) {
            return;
        }
        out.println(" " + title + ":");
        if (q.path("NanoCPUs").asLong() > 0) {
            line(out, 2, "CPU", new BigDecimal(q.path("NanoCPUs").asLong()).movePointLeft(9).stripTrailingZeros().toPlainString());
        }
        if (q.path("MemoryBytes").asLong() > 0) {
            line(out, 2, "Memory", SystemText.bytes(q.path("MemoryBytes").asLong()));
        }
    }

    private static boolean hasAny(JsonNode q) {
        return q.path("NanoCPUs").asLong() > 0 || q.path("MemoryBytes").asLong() > 0;
    }

    private static void map(PrintWriter out, String title, JsonNode labels) {
        out.println(title + ":");
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.println(" - " + e.getKey() + "=" + e.getValue().asText());
        }
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        array.forEach(n -> b.append(b.length() == 0 ? "" : ", ").append(n.asText()));
        return b.toString();
    }

    /** {@code Key:} padded to a common column, as docker's tab-aligned template prints it. */
    private static void line(PrintWriter out, int indent, String key, String value) {
        String head = " ".repeat(indent) + key + ":";
        out.println(head + " ".repeat(Math.max(1, 16 - head.length())) + value);
    }
}
