package io.shoal.cli.command.network;

import io.shoal.cli.client.NetworkApi;
import io.shoal.cli.command.ApiCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shoal network rm NETWORK...}: prints each removed network as given; one refused does not stop the others. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more networks.")
public final class NetworkRmCommand extends ApiCommand {
    @Parameters(paramLabel = "NETWORK", arity = "1..*", description = "Network name, id or id prefix.")
    List<String> networks = new ArrayList<>();

    @Override
    protected int execute() {
        NetworkApi api = new NetworkApi(api().client());
        return forEach(networks, ref -> {
            api.remove(ref);
            out().println(ref);
        });
    }
}
