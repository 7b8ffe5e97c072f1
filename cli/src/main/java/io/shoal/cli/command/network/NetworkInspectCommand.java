package io.shoal.cli.command.network;

import io.shoal.cli.client.NetworkApi;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Inspection;
import io.shoal.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal network inspect NETWORK...}: docker's indented JSON array; one missing network does not stop the others. */
@Command(name = "inspect", description = "Display detailed information on one or more networks.")
public final class NetworkInspectCommand extends ApiCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "pretty (default: an indented JSON array) or json (one object per line).")
    String format;

    @Parameters(paramLabel = "NETWORK", arity = "1..*", description = "Network name, id or id prefix.")
    List<String> networks = new ArrayList<>();

    @Override
    protected int execute() {
        Inspection inspection = new Inspection(format(format, OutputFormat.PRETTY));
        NetworkApi api = new NetworkApi(api().client());
        int code = forEach(networks, ref -> inspection.add(api.inspect(ref)));
        inspection.print(out());
        return code;
    }
}
