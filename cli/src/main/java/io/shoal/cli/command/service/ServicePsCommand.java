package io.shoal.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.DaemonError;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.output.Listing;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.output.TaskRows;
import io.shoal.cli.spec.Filters;
import io.shoal.cli.spec.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal service ps SERVICE...}: the tasks of each service, with their state and, for a task that is
 * not running, why ({@code ERROR}). Services are resolved by id, name or id prefix; node ids become hostnames.
 */
@Command(name = "ps", description = "List the tasks of one or more services.")
public final class ServicePsCommand extends ApiCommand {
    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE", converter = Converters.Filter.class,
            description = "Filter: id, name, node, desired-state or label.")
    List<KeyValue> filters = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Only display task IDs.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json: one JSON object per line.")
    String format;

    @Option(names = "--no-trunc", description = "Do not truncate IDs.")
    boolean noTrunc;

    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "Service name, id or id prefix.")
    List<String> services = new ArrayList<>();

    @Override
    protected int execute() {
        OutputFormat f = format(format, OutputFormat.TABLE);
        Map<String, String> names = new HashMap<>();
        List<JsonNode> tasks = new ArrayList<>();
        int code = forEach(services, ref -> {
            JsonNode s = api().service(ref);
            String id = Json.text(s, "ID");
            if (names.put(id, Json.text(s, "Spec", "Name")) == null) {
                tasks.addAll(api().tasksOfService(id, Filters.of(filters)));
            }
        });
        if (names.isEmpty()) {
            return code;
        }
        Listing l = TaskRows.listing(tasks, names, nodeNames(), now(), noTrunc || quiet);
        if (quiet) {
            l.printColumn(out(), "ID");
        } else {
            l.print(out(), f);
        }
        return code;
    }

    /** Node id to hostname; ids stay ids if the nodes cannot be listed. */
    private Map<String, String> nodeNames() {
        Map<String, String> m = new HashMap<>();
        try {
            api().nodes().forEach(n -> m.put(Json.text(n, "ID"), Json.text(n, "Description", "Hostname")));
        } catch (DaemonError e) {
            // the NODE column falls back to ids
        }
        m.values().removeIf(String::isEmpty);
        return m;
    }
}
