package io.shoal.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.CommandFailed;
import io.shoal.cli.spec.InvalidArgument;
import io.shoal.cli.spec.SpecEdits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal service scale SERVICE=REPLICAS...}: every specifier is checked before the first request; then
 * each service is read and written back with its version index and the new replica count.
 */
@Command(name = "scale", description = "Scale one or more replicated services.")
public final class ServiceScaleCommand extends ApiCommand {
    @Option(names = {"-d", "--detach"}, description = "Accepted for docker compatibility: shoal never waits for the service to converge.")
    boolean detach;

    @Parameters(paramLabel = "SERVICE=REPLICAS", arity = "1..*", description = "Service and its new number of replicas.")
    List<String> specifiers = new ArrayList<>();

    @Override
    protected int execute() {
        Map<String, Long> targets = parse(specifiers);
        return forEach(new ArrayList<>(targets.keySet()), ref -> {
            long replicas = targets.get(ref);
            JsonNode service = api().service(ref);
            ObjectNode spec = service.path("Spec").deepCopy();
            try {
                SpecEdits.setReplicas(spec, replicas);
            } catch (InvalidArgument e) {
                throw new CommandFailed(ref + ": " + e.getMessage());
            }
            printWarnings(api().updateService(Json.text(service, "ID"), service.path("Version").path("Index").asLong(), spec));
            out().println(ref + " scaled to " + replicas);
        });
    }

    static Map<String, Long> parse(List<String> specifiers) {
        Map<String, Long> targets = new LinkedHashMap<>();
        for (String s : specifiers) {
            int eq = s.lastIndexOf('=');
            if (eq <= 0) {
                throw new InvalidArgument("invalid scale specifier \"" + s + "\": expected SERVICE=REPLICAS");
            }
            String n = s.substring(eq + 1);
            try {
                long replicas = Long.parseLong(n);
                if (replicas < 0) {
                    throw new InvalidArgument("invalid replicas in \"" + s + "\": it cannot be negative");
                }
                targets.put(s.substring(0, eq), replicas);
            } catch (NumberFormatException e) {
                throw new InvalidArgument("invalid replicas in \"" + s + "\": \"" + n + "\" is not a whole number");
            }
        }
        return targets;
    }
}
