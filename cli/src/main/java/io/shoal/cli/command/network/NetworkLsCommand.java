package io.shoal.cli.command.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.client.NetworkApi;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.output.Ids;
import io.shoal.cli.output.NetworkRows;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.spec.Filters;
import io.shoal.cli.spec.KeyValue;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal network ls}: {@code GET /networks} with docker's filters. */
@Command(name = "ls", aliases = "list", description = "List networks.")
public final class NetworkLsCommand extends ApiCommand {
    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", converter = Converters.Filter.class,
            description = "Filter: driver, id, label, name, scope or type.")
    List<KeyValue> filters = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Only display network IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate the output.")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json: one JSON object per line.")
    String format;

    @Override
    protected int execute() {
        OutputFormat f = format(format, OutputFormat.TABLE);
        List<JsonNode> networks = new NetworkApi(api().client()).list(Filters.of(filters));
        if (quiet) {
            networks.forEach(n -> out().println(Ids.shorten(Json.text(n, "Id"), noTrunc)));
            return 0;
        }
        NetworkRows.listing(networks, noTrunc).print(out(), f);
        return 0;
    }
}
