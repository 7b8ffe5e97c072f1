package io.shoal.cli.command.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.output.Listing;
import io.shoal.cli.output.NodeRows;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.spec.Filters;
import io.shoal.cli.spec.KeyValue;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal node ls}: {@code GET /nodes}, then {@code GET /info} to mark the node answering with {@code *}, as docker does. */
@Command(name = "ls", aliases = "list", description = "List nodes in the swarm.")
public final class NodeLsCommand extends ApiCommand {
    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", converter = Converters.Filter.class,
            description = "Filter: id, label, node.label, membership, name or role.")
    List<KeyValue> filters = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json: one JSON object per line.")
    String format;

    @Override
    protected int execute() {
        OutputFormat f = format(format, OutputFormat.TABLE);
        List<JsonNode> nodes = api().nodes(Filters.of(filters));
        if (quiet) {
            nodes.forEach(n -> out().println(Json.text(n, "ID")));
            return 0;
        }
        Listing l = NodeRows.listing(nodes, Json.text(api().info(), "Swarm", "NodeID"));
        l.print(out(), f);
        return 0;
    }
}
