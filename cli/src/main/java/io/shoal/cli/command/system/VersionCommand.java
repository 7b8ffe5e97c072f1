package io.shoal.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.DaemonUnreachable;
import io.shoal.cli.client.EngineClient;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.output.SystemText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal version}: the client's version, then the daemon's ({@code GET /version}); the client's half prints even if the daemon is down. */
@Command(name = "version", description = "Show the shoal version information.")
public final class VersionCommand extends ApiCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table (default: docker's text) or json.")
    String format;

    @Override
    protected int execute() {
        OutputFormat f = format(format, OutputFormat.TABLE);
        api(); // an invalid -H is a usage error, reported before anything is printed
        if (f == OutputFormat.JSON) {
            ObjectNode both = Json.F.objectNode();
            both.putObject("Client").put("Version", context().clientVersion()).put("ApiVersion", EngineClient.API_VERSION);
            both.set("Server", api().version());
            out().println(Json.compact(both));
            return 0;
        }
        SystemText.clientVersion(out(), context().clientVersion(), EngineClient.API_VERSION);
        JsonNode server;
        try {
            server = api().version();
        } catch (DaemonUnreachable e) {
            out().println();
            throw e;
        }
        SystemText.serverVersion(out(), server);
        return 0;
    }
}
