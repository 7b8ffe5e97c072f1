package io.shoal.cli.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import java.util.List;

/**
 * The flags of {@code shoal service create} as a Docker ServiceSpec. Only what was asked for is sent; the
 * daemon fills in Docker's defaults (one replica, restart on any exit, vip endpoint).
 *
 * @param args the command and its arguments after the image; sent as ContainerSpec.Args, as the docker CLI
 *             does, so that the image's entrypoint still runs them
 */
public record ServiceCreate(String name, String mode, Long replicas, List<KeyValue> env, List<KeyValue> labels,
                            List<String> constraints, List<PortSpec> ports, Long reserveCpu, Long reserveMemory,
                            Long limitCpu, Long limitMemory, String image, List<String> args) {

    public ServiceCreate {
        if (image == null || image.isBlank()) {
            throw new InvalidArgument("an image is required: shoal service create [OPTIONS] IMAGE [COMMAND [ARG...]]");
        }
        if (!"replicated".equals(mode) && !"global".equals(mode)) {
            throw new InvalidArgument("invalid mode \"" + mode + "\": expected replicated or global");
        }
        if (replicas != null && "global".equals(mode)) {
            throw new InvalidArgument("--replicas can only be used with replicated mode");
        }
        if (replicas != null && replicas < 0) {
            throw new InvalidArgument("invalid replicas " + replicas + ": it cannot be negative");
        }
        env = List.copyOf(env);
        labels = List.copyOf(labels);
        constraints = List.copyOf(constraints);
        ports = List.copyOf(ports);
        args = List.copyOf(args);
    }

    /** The request body of {@code POST /services/create}. */
    public ObjectNode toJson() {
        ObjectNode spec = Json.F.objectNode();
        if (name != null && !name.isEmpty()) {
            spec.put("Name", name);
        }
        if (!labels.isEmpty()) {
            ObjectNode l = spec.putObject("Labels");
            labels.forEach(kv -> l.put(kv.key(), kv.value()));
        }
        ObjectNode task = spec.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec").put("Image", image);
        if (!args.isEmpty()) {
            ArrayNode a = container.putArray("Args");
            args.forEach(a::add);
        }
        if (!env.isEmpty()) {
            ArrayNode e = container.putArray("Env");
            env.forEach(kv -> e.add(kv.toString()));
        }
        if (limitCpu != null || limitMemory != null || reserveCpu != null || reserveMemory != null) {
            ObjectNode resources = task.putObject("Resources");
            resources(resources.putObject("Limits"), limitCpu, limitMemory);
            resources(resources.putObject("Reservations"), reserveCpu, reserveMemory);
        }
        if (!constraints.isEmpty()) {
            ArrayNode c = task.putObject("Placement").putArray("Constraints");
            constraints.forEach(c::add);
        }
        ObjectNode m = spec.putObject("Mode");
        if ("global".equals(mode)) {
            m.putObject("Global");
        } else {
            ObjectNode r = m.putObject("Replicated");
            if (replicas != null) {
                r.put("Replicas", replicas);
            }
        }
        if (!ports.isEmpty()) {
            ArrayNode p = spec.putObject("EndpointSpec").putArray("Ports");
            ports.forEach(port -> p.add(port.toJson()));
        }
        return spec;
    }

    private static void resources(ObjectNode n, Long nanoCpus, Long memoryBytes) {
        if (nanoCpus != null) {
            n.put("NanoCPUs", nanoCpus);
        }
        if (memoryBytes != null) {
            n.put("MemoryBytes", memoryBytes);
        }
    }
}
