package io.shoal.cli.command.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.spec.InvalidArgument;
import io.shoal.cli.spec.KeyValue;
import io.shoal.cli.spec.SpecEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal node update [OPTIONS] NODE}: read the node's spec, change it, write it back with its version index. */
@Command(name = "update", description = "Update a node.", sortOptions = false)
public final class NodeUpdateCommand extends ApiCommand {
    private static final Set<String> AVAILABILITIES = Set.of("active", "pause", "drain");
    private static final Set<String> ROLES = Set.of("worker", "manager");

    @Option(names = "--availability", paramLabel = "AVAILABILITY", description = "active, pause or drain.")
    String availability;

    @Option(names = "--role", paramLabel = "ROLE", description = "worker or manager.")
    String role;

    @Option(names = "--label-add", paramLabel = "KEY=VALUE", converter = Converters.Label.class, description = "Add or replace a node label.")
    List<KeyValue> labelAdd = new ArrayList<>();

    @Option(names = "--label-rm", paramLabel = "KEY", converter = Converters.Key.class, description = "Remove a node label.")
    List<String> labelRm = new ArrayList<>();

    @Parameters(paramLabel = "NODE", description = "Node id, id prefix, hostname, or self.")
    String node;

    @Override
    protected int execute() {
        if (availability != null && !AVAILABILITIES.contains(availability)) {
            throw new InvalidArgument("invalid availability \"" + availability + "\": expected active, pause or drain");
        }
        if (role != null && !ROLES.contains(role)) {
            throw new InvalidArgument("invalid role \"" + role + "\": expected worker or manager");
        }
        String ref = node.equals("self") ? Json.text(api().info(), "Swarm", "NodeID") : node;
        JsonNode current = api().node(ref);
        ObjectNode spec = current.path("Spec").isObject() ? current.path("Spec").deepCopy() : Json.F.objectNode();
        if (availability != null) {
            spec.put("Availability", availability);
        }
        if (role != null) {
            spec.put("Role", role);
        }
        SpecEdits.editLabels(spec, labelAdd, labelRm);
        api().updateNode(Json.text(current, "ID"), current.path("Version").path("Index").asLong(), spec);
        out().println(node);
        return 0;
    }
}
