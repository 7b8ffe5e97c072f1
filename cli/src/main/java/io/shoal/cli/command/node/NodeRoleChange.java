package io.shoal.cli.command.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.client.SwarmApi;
import java.io.PrintWriter;
import java.util.List;

/** {@code node promote} and {@code node demote}: read each node's spec, set its Role, write it back at its version. */
final class NodeRoleChange {
    private NodeRoleChange() {}

    static void apply(SwarmApi api, PrintWriter out, List<String> nodes, String role) {
        for (String ref : nodes) {
            JsonNode current = api.node(ref);
            ObjectNode spec = current.path("Spec").isObject() ? current.path("Spec").deepCopy() : Json.F.objectNode();
            if (role.equals(spec.path("Role").asText())) {
                out.println("Node " + ref + " is already a " + role + ".");
                continue;
            }
            spec.put("Role", role);
            api.updateNode(Json.text(current, "ID"), current.path("Version").path("Index").asLong(), spec);
            out.println(role.equals("manager") ? "Node " + ref + " promoted to a manager in the swarm."
                    : "Manager " + ref + " demoted in the swarm.");
        }
    }
}
