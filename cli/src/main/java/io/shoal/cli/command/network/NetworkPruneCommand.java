package io.shoal.cli.command.network;

import io.shoal.cli.client.NetworkApi;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.spec.Filters;
import io.shoal.cli.spec.KeyValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal network prune}: removes every network nothing uses (never ingress), after asking unless {@code -f}. */
@Command(name = "prune", description = "Remove all unused networks.")
public final class NetworkPruneCommand extends ApiCommand {
    static final String WARNING = "WARNING! This will remove all custom networks not used by at least one service.";

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", converter = Converters.Filter.class,
            description = "Filter: label=KEY[=VALUE] or until=TIMESTAMP|DURATION.")
    List<KeyValue> filters = new ArrayList<>();

    @Override
    protected int execute() {
        if (!force && !confirmed()) {
            return 0;
        }
        List<String> deleted = new NetworkApi(api().client()).prune(Filters.of(filters));
        if (!deleted.isEmpty()) {
            out().println("Deleted Networks:");
            deleted.forEach(out()::println);
        }
        return 0;
    }

    private boolean confirmed() {
        out().print(WARNING + "\nAre you sure you want to continue? [y/N] ");
        out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
