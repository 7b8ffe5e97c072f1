package io.shoal.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code shoal node ls}: docker's columns {@code ID HOSTNAME STATUS AVAILABILITY MANAGER STATUS ENGINE VERSION},
 * sorted by hostname, with {@code *} after the id of the node the CLI is talking to.
 */
public final class NodeRows {
    private NodeRows() {}

    public static Listing listing(List<JsonNode> nodes, String selfId) {
        Listing l = Listing.of("ID", "ID", "Hostname", "HOSTNAME", "Status", "STATUS", "Availability", "AVAILABILITY",
                "ManagerStatus", "MANAGER STATUS", "EngineVersion", "ENGINE VERSION");
        List<JsonNode> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparing((JsonNode n) -> Json.text(n, "Description", "Hostname"), NaturalOrder.INSTANCE).thenComparing(n -> Json.text(n, "ID")));
        for (JsonNode n : sorted) {
            String id = Json.text(n, "ID");
            l.row(id.equals(selfId) && !id.isEmpty() ? id + " *" : id, Json.text(n, "Description", "Hostname"),
                    HumanTime.capitalize(Json.text(n, "Status", "State")), HumanTime.capitalize(Json.text(n, "Spec", "Availability")),
                    managerStatus(n), Json.text(n, "Description", "Engine", "EngineVersion"));
        }
        return l;
    }

    /** {@code Leader}, else the reachability ({@code Reachable}, {@code Unreachable}); blank for a worker. */
    static String managerStatus(JsonNode n) {
        JsonNode m = n.path("ManagerStatus");
        if (m.isMissingNode() || m.isNull()) {
            return "";
        }
        if (m.path("Leader").asBoolean(false)) {
            return "Leader";
        }
        return HumanTime.capitalize(Json.text(m, "Reachability"));
    }
}
