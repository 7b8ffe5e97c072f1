package io.shoal.cli.command.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.client.NetworkApi;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Converters;
import io.shoal.cli.spec.InvalidArgument;
import io.shoal.cli.spec.KeyValue;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal network create NAME}: {@code POST /networks/create}; prints the new network's id, as docker does. */
@Command(name = "create", description = "Create a network.")
public final class NetworkCreateCommand extends ApiCommand {
    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", description = "overlay (default) or bridge.")
    String driver;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "Subnet, e.g. 10.20.0.0/24 (default: the next free /24 of 10.0.0.0/8).")
    String subnet;

    @Option(names = "--gateway", paramLabel = "IP", description = "Gateway of the subnet (default: its first address).")
    String gateway;

    @Option(names = "--ip-range", paramLabel = "CIDR", description = "Allocate task addresses from this part of the subnet.")
    String ipRange;

    @Option(names = "--attachable", description = "Let standalone containers attach.")
    boolean attachable;

    @Option(names = "--internal", description = "No way out of the network.")
    boolean internal;

    @Option(names = "--ingress", description = "Create the swarm's routing-mesh network.")
    boolean ingress;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", converter = Converters.Label.class, description = "Set a label (repeatable).")
    List<KeyValue> labels = new ArrayList<>();

    @Option(names = {"-o", "--opt"}, paramLabel = "KEY=VALUE", converter = Converters.Env.class, description = "Set a driver option (repeatable).")
    List<KeyValue> options = new ArrayList<>();

    @Parameters(paramLabel = "NAME", description = "Network name.")
    String name;

    @Override
    protected int execute() {
        if (subnet == null && (gateway != null || ipRange != null)) {
            throw new InvalidArgument("--gateway and --ip-range need a --subnet");
        }
        out().println(new NetworkApi(api().client()).create(request()).path("Id").asText());
        return 0;
    }

    ObjectNode request() {
        ObjectNode r = Json.F.objectNode().put("Name", name).put("CheckDuplicate", true).put("Driver", driver == null ? "overlay" : driver)
                .put("Scope", "swarm").put("Internal", internal).put("Attachable", attachable).put("Ingress", ingress);
        ObjectNode ipam = r.putObject("IPAM").put("Driver", "default");
        if (subnet != null) {
            ObjectNode pool = ipam.putArray("Config").addObject().put("Subnet", subnet);
            if (ipRange != null) {
                pool.put("IPRange", ipRange);
            }
            if (gateway != null) {
                pool.put("Gateway", gateway);
            }
        }
        ObjectNode opts = r.putObject("Options");
        options.forEach(kv -> opts.put(kv.key(), kv.value()));
        ObjectNode l = r.putObject("Labels");
        labels.forEach(kv -> l.put(kv.key(), kv.value()));
        return r;
    }
}
