package io.shoal.cli.command.service;

import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.output.Listing;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.output.ServiceRows;
import io.shoal.cli.spec.Filters;
import io.shoal.cli.spec.KeyValue;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal service ls}: {@code ID NAME MODE REPLICAS IMAGE PORTS}, one {@code GET /services?status=true}. */
@Command(name = "ls", aliases = "list", description = "List services.")
public final class ServiceLsCommand extends ApiCommand {
    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", converter = Converters.Filter.class,
            description = "Filter: id, name, label or mode.")
    List<KeyValue> filters = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json: one JSON object per line.")
    String format;

    @Option(names = "--no-trunc", description = "Do not truncate IDs.")
    boolean noTrunc;

    @Override
    protected int execute() {
        OutputFormat f = format(format, OutputFormat.TABLE);
        Listing l = ServiceRows.listing(api().services(Filters.of(filters)), noTrunc || quiet);
        if (quiet) {
            l.printColumn(out(), "ID");
        } else {
            l.print(out(), f);
        }
        return 0;
    }
}
