package io.shoal.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code shoal service ps}: docker's columns {@code ID NAME IMAGE NODE DESIRED STATE CURRENT STATE ERROR PORTS}.
 * Tasks are grouped by slot (or by node, for a global service), newest first; older tasks of a slot are
 * listed under it as {@code \_ web.1}. The ERROR column shows the task's error, or, while it waits on a
 * node to run it, the message that says why, so a stuck task explains itself. Errors are never cut short.
 */
public final class TaskRows {
    /** States in which a task sits on its node waiting to run: its Message says on what. */
    private static final Set<String> WAITING = Set.of("assigned", "accepted", "preparing", "ready", "starting");

    private TaskRows() {}

    public static Listing listing(List<JsonNode> tasks, Map<String, String> serviceNames, Map<String, String> nodeNames,
                                  Instant now, boolean noTrunc) {
        Listing l = Listing.of("ID", "ID", "Name", "NAME", "Image", "IMAGE", "Node", "NODE", "DesiredState", "DESIRED STATE",
                "CurrentState", "CURRENT STATE", "Error", "ERROR", "Ports", "PORTS");
        List<JsonNode> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing((JsonNode t) -> serviceNames.getOrDefault(Json.text(t, "ServiceID"), Json.text(t, "ServiceID")), NaturalOrder.INSTANCE)
                .thenComparingLong(t -> t.path("Slot").asLong())
                .thenComparing(t -> Json.text(t, "NodeID"))
                .thenComparing(TaskRows::timestamp, Comparator.reverseOrder())
                .thenComparing(t -> Json.text(t, "ID")));
        String previousGroup = null;
        for (JsonNode t : sorted) {
            String name = name(t, serviceNames);
            String group = Json.text(t, "ServiceID") + "/" + name;
            l.row(Ids.shorten(Json.text(t, "ID"), noTrunc), group.equals(previousGroup) ? " \\_ " + name : name,
                    ServiceRows.image(Json.text(t, "Spec", "ContainerSpec", "Image")), node(t, nodeNames),
                    HumanTime.capitalize(Json.text(t, "DesiredState")), currentState(t, now), error(t),
                    ServiceRows.portList(Json.at(t, "Status", "PortStatus", "Ports"), false));
            previousGroup = group;
        }
        return l;
    }

    /** {@code web.1} for a replica, {@code web.<node id>} for a global task. */
    static String name(JsonNode t, Map<String, String> serviceNames) {
        String service = serviceNames.getOrDefault(Json.text(t, "ServiceID"), Json.text(t, "ServiceID"));
        long slot = t.path("Slot").asLong();
        return service + "." + (slot > 0 ? Long.toString(slot) : Json.text(t, "NodeID"));
    }

    static String currentState(JsonNode t, Instant now) {
        String state = HumanTime.capitalize(Json.text(t, "Status", "State"));
        String ago = HumanTime.ago(Json.text(t, "Status", "Timestamp"), now);
        return ago.isEmpty() ? state : state + " " + ago;
    }

    static String error(JsonNode t) {
        String err = Json.text(t, "Status", "Err");
        if (err.isEmpty() && WAITING.contains(Json.text(t, "Status", "State")) && "running".equals(Json.text(t, "DesiredState"))) {
            err = Json.text(t, "Status", "Message");
        }
        return err.isEmpty() ? "" : "\"" + err + "\"";
    }

    private static String node(JsonNode t, Map<String, String> nodeNames) {
        String id = Json.text(t, "NodeID");
        return id.isEmpty() ? "" : nodeNames.getOrDefault(id, id);
    }

    private static Instant timestamp(JsonNode t) {
        try {
            return Instant.parse(Json.text(t, "Status", "Timestamp"));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
