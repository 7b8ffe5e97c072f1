package io.shoal.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.output.SystemText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal info}: the daemon's {@code GET /info}, including its swarm section. */
@Command(name = "info", description = "Display system-wide information.")
public final class InfoCommand extends ApiCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table (default: docker's text) or json.")
    String format;

    @Override
    protected int execute() {
        OutputFormat f = format(format, OutputFormat.TABLE);
        JsonNode info = api().info();
        if (f == OutputFormat.JSON) {
            out().println(Json.compact(info));
        } else {
            SystemText.info(out(), info);
        }
        return 0;
    }
}
