package io.shoal.cli.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Changes to a ServiceSpec or NodeSpec as read from the daemon, for {@code service update|scale} and
 * {@code node update}. Each edit touches only its own field and keeps everything else as it was read, so the
 * spec sent back with {@code ?version=N} differs only by what was asked. Additions run before removals, as in
 * the docker CLI.
 */
public final class SpecEdits {
    private SpecEdits() {}

    public static void setImage(ObjectNode serviceSpec, String image) {
        if (image.isBlank()) {
            throw new InvalidArgument("the image cannot be empty");
        }
        Json.object(serviceSpec, "TaskTemplate", "ContainerSpec").put("Image", image);
    }

    /** Replicated mode only: a global service has no replica count. */
    public static void setReplicas(ObjectNode serviceSpec, long replicas) {
        if (replicas < 0) {
            throw new InvalidArgument("invalid replicas " + replicas + ": it cannot be negative");
        }
        JsonNode mode = serviceSpec.path("Mode");
        if (mode.has("Global") || mode.has("GlobalJob") || mode.has("ReplicatedJob")) {
            throw new InvalidArgument("the replica count can only be set on a replicated service; "
                    + Json.text(serviceSpec, "Name") + " is " + modeName(serviceSpec));
        }
        Json.object(serviceSpec, "Mode", "Replicated").put("Replicas", replicas);
    }

    /** {@code replicated} or {@code global} (or Docker's job modes), as {@code service ls} prints it. */
    public static String modeName(JsonNode serviceSpec) {
        JsonNode mode = serviceSpec.path("Mode");
        if (mode.has("Global")) {
            return "global";
        }
        if (mode.has("ReplicatedJob")) {
            return "replicated job";
        }
        if (mode.has("GlobalJob")) {
            return "global job";
        }
        return "replicated";
    }

    /** Adds or replaces {@code KEY=VALUE} in ContainerSpec.Env, then removes the keys in {@code remove}. */
    public static void editEnv(ObjectNode serviceSpec, List<KeyValue> add, Collection<String> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        ObjectNode container = Json.object(serviceSpec, "TaskTemplate", "ContainerSpec");
        ArrayNode env = container.get("Env") instanceof ArrayNode a ? a : container.putArray("Env");
        for (KeyValue kv : add) {
            int at = indexOfKey(env, kv.key());
            if (at >= 0) {
                env.set(at, Json.F.textNode(kv.toString()));
            } else {
                env.add(kv.toString());
            }
        }
        for (String key : remove) {
            for (int at = indexOfKey(env, key); at >= 0; at = indexOfKey(env, key)) {
                env.remove(at);
            }
        }
        if (env.isEmpty()) {
            container.remove("Env");
        }
    }

    /** Sets and removes keys of the map at {@code owner.Labels} (a service's, or a node's). */
    public static void editLabels(ObjectNode owner, List<KeyValue> add, Collection<String> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        ObjectNode labels = Json.object(owner, "Labels");
        add.forEach(kv -> labels.put(kv.key(), kv.value()));
        remove.forEach(labels::remove);
    }

    /** Appends constraints not yet present to TaskTemplate.Placement.Constraints, then removes the given ones. */
    public static void editConstraints(ObjectNode serviceSpec, List<String> add, Collection<String> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        ObjectNode placement = Json.object(serviceSpec, "TaskTemplate", "Placement");
        ArrayNode constraints = placement.get("Constraints") instanceof ArrayNode a ? a : placement.putArray("Constraints");
        for (String c : add) {
            if (!contains(constraints, c.strip())) {
                constraints.add(c.strip());
            }
        }
        for (String c : remove) {
            for (Iterator<JsonNode> it = constraints.elements(); it.hasNext(); ) {
                if (it.next().asText().strip().equals(c.strip())) {
                    it.remove();
                }
            }
        }
        if (constraints.isEmpty()) {
            placement.remove("Constraints");
        }
    }

    /**
     * Adds published ports (replacing one that publishes the same port and protocol), then removes those whose
     * target port and protocol (and published port, if given) match one of {@code remove}.
     */
    public static void editPorts(ObjectNode serviceSpec, List<PortSpec> add, List<PortSpec> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        ObjectNode endpoint = Json.object(serviceSpec, "EndpointSpec");
        ArrayNode ports = endpoint.get("Ports") instanceof ArrayNode a ? a : endpoint.putArray("Ports");
        for (PortSpec p : add) {
            ports.removeIf(n -> p.published() != null && n.path("PublishedPort").asInt() == p.published()
                    && protocol(n).equals(p.protocol()));
            ports.add(p.toJson());
        }
        for (PortSpec p : remove) {
            ports.removeIf(n -> n.path("TargetPort").asInt() == p.target() && protocol(n).equals(p.protocol())
                    && (p.published() == null || n.path("PublishedPort").asInt() == p.published()));
        }
        if (ports.isEmpty()) {
            endpoint.remove("Ports");
        }
    }

    /** Bumps TaskTemplate.ForceUpdate, which makes the daemon replace every task even if nothing else changed. */
    public static void forceUpdate(ObjectNode serviceSpec) {
        ObjectNode task = Json.object(serviceSpec, "TaskTemplate");
        task.put("ForceUpdate", task.path("ForceUpdate").asLong() + 1);
    }

    private static String protocol(JsonNode port) {
        String p = port.path("Protocol").asText("");
        return p.isEmpty() ? "tcp" : p;
    }

    private static int indexOfKey(ArrayNode env, String key) {
        for (int i = 0; i < env.size(); i++) {
            String e = env.get(i).asText();
            if (e.equals(key) || e.startsWith(key + "=")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().strip().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
