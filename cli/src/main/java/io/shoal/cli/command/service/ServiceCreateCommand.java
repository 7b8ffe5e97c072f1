package io.shoal.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.spec.KeyValue;
import io.shoal.cli.spec.NetworkAttachments;
import io.shoal.cli.spec.PortSpec;
import io.shoal.cli.spec.ServiceCreate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal service create [OPTIONS] IMAGE [COMMAND [ARG...]]}: prints the new service's id. Options end
 * at the image, so {@code shoal service create alpine ls -l} passes {@code -l} to the container.
 */
@Command(name = "create", description = "Create a new service.", sortOptions = false)
public final class ServiceCreateCommand extends ApiCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Service name.")
    String name;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "replicated", description = "replicated or global (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--replicas", paramLabel = "N", converter = Converters.Replicas.class, description = "Number of tasks (replicated mode).")
    Long replicas;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", converter = Converters.Env.class, description = "Set an environment variable.")
    List<KeyValue> env = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", converter = Converters.Label.class, description = "Set a service label.")
    List<KeyValue> labels = new ArrayList<>();

    @Option(names = "--constraint", paramLabel = "EXPR", converter = Converters.Constraint.class, description = "Placement constraint, e.g. node.labels.zone==east.")
    List<String> constraints = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "PORT", converter = Converters.Port.class, description = "Publish a port: PUBLISHED:TARGET[/PROTOCOL].")
    List<PortSpec> ports = new ArrayList<>();

    @Option(names = "--network", paramLabel = "NETWORK", description = "Attach to a network: NAME or name=NAME,alias=ALIAS (repeatable).")
    List<String> networks = new ArrayList<>();

    @Option(names = "--endpoint-mode", paramLabel = "MODE", description = "vip (default: one virtual IP per network) or dnsrr.")
    String endpointMode;

    @Option(names = "--reserve-cpu", paramLabel = "CPUS", converter = Converters.Cpus.class, description = "Reserve CPUs, e.g. 0.5.")
    Long reserveCpu;

    @Option(names = "--reserve-memory", paramLabel = "BYTES", converter = Converters.Memory.class, description = "Reserve memory, e.g. 256m.")
    Long reserveMemory;

    @Option(names = "--limit-cpu", paramLabel = "CPUS", converter = Converters.Cpus.class, description = "Limit CPUs.")
    Long limitCpu;

    @Option(names = "--limit-memory", paramLabel = "BYTES", converter = Converters.Memory.class, description = "Limit memory.")
    Long limitMemory;

    @Option(names = {"-d", "--detach"}, description = "Accepted for docker compatibility: shoal never waits for the service to converge.")
    boolean detach;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image the tasks run.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*", description = "Command and arguments for the container.")
    List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        ServiceCreate request = new ServiceCreate(name, mode, replicas, env, labels, constraints, ports, reserveCpu,
                reserveMemory, limitCpu, limitMemory, image, args);
        ObjectNode spec = request.toJson();
        NetworkAttachments.apply(spec, networks.stream().map(NetworkAttachments.Attachment::parse).toList(), endpointMode);
        JsonNode created = api().createService(spec);
        printWarnings(created);
        out().println(created.path("ID").asText());
        return 0;
    }
}
