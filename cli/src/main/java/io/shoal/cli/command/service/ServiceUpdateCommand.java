package io.shoal.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.CommandFailed;
import io.shoal.cli.command.Converters;
import io.shoal.cli.spec.InvalidArgument;
import io.shoal.cli.spec.KeyValue;
import io.shoal.cli.spec.PortSpec;
import io.shoal.cli.spec.SpecEdits;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal service update [OPTIONS] SERVICE}: read the service, change only what the flags say, write it
 * back with {@code ?version=<Version.Index>}. If someone else updated it in between, the daemon refuses the
 * stale version and nothing is lost; run the command again.
 */
@Command(name = "update", description = "Update a service.", sortOptions = false)
public final class ServiceUpdateCommand extends ApiCommand {
    @Option(names = "--image", paramLabel = "IMAGE", description = "New image.")
    String image;

    @Option(names = "--replicas", paramLabel = "N", converter = Converters.Replicas.class, description = "New number of tasks.")
    Long replicas;

    @Option(names = "--env-add", paramLabel = "KEY=VALUE", converter = Converters.Env.class, description = "Add or replace an environment variable.")
    List<KeyValue> envAdd = new ArrayList<>();

    @Option(names = "--env-rm", paramLabel = "KEY", converter = Converters.Key.class, description = "Remove an environment variable.")
    List<String> envRm = new ArrayList<>();

    @Option(names = "--label-add", paramLabel = "KEY=VALUE", converter = Converters.Label.class, description = "Add or replace a service label.")
    List<KeyValue> labelAdd = new ArrayList<>();

    @Option(names = "--label-rm", paramLabel = "KEY", converter = Converters.Key.class, description = "Remove a service label.")
    List<String> labelRm = new ArrayList<>();

    @Option(names = "--constraint-add", paramLabel = "EXPR", converter = Converters.Constraint.class, description = "Add a placement constraint.")
    List<String> constraintAdd = new ArrayList<>();

    @Option(names = "--constraint-rm", paramLabel = "EXPR", description = "Remove a placement constraint.")
    List<String> constraintRm = new ArrayList<>();

    @Option(names = "--publish-add", paramLabel = "PORT", converter = Converters.Port.class, description = "Publish a port: PUBLISHED:TARGET[/PROTOCOL].")
    List<PortSpec> publishAdd = new ArrayList<>();

    @Option(names = "--publish-rm", paramLabel = "PORT", converter = Converters.Port.class, description = "Unpublish a port by its target: TARGET[/PROTOCOL].")
    List<PortSpec> publishRm = new ArrayList<>();

    @Option(names = "--force", description = "Replace the tasks even if nothing else changed.")
    boolean force;

    @Option(names = {"-d", "--detach"}, description = "Accepted for docker compatibility: shoal never waits for the service to converge.")
    boolean detach;

    @Parameters(paramLabel = "SERVICE", description = "Service name, id or id prefix.")
    String service;

    @Override
    protected int execute() {
        if (image != null && image.isBlank()) {
            throw new InvalidArgument("--image cannot be empty");
        }
        JsonNode current = api().service(service);
        ObjectNode spec = current.path("Spec").deepCopy();
        try {
            edit(spec);
        } catch (InvalidArgument e) {
            throw new CommandFailed(service + ": " + e.getMessage());
        }
        printWarnings(api().updateService(Json.text(current, "ID"), current.path("Version").path("Index").asLong(), spec));
        out().println(service);
        return 0;
    }

    void edit(ObjectNode spec) {
        if (image != null) {
            SpecEdits.setImage(spec, image);
        }
        if (replicas != null) {
            SpecEdits.setReplicas(spec, replicas);
        }
        SpecEdits.editEnv(spec, envAdd, envRm);
        SpecEdits.editLabels(spec, labelAdd, labelRm);
        SpecEdits.editConstraints(spec, constraintAdd, constraintRm);
        SpecEdits.editPorts(spec, publishAdd, publishRm);
        if (force) {
            SpecEdits.forceUpdate(spec);
        }
    }
}
