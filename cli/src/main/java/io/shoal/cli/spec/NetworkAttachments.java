package io.shoal.cli.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --network} and {@code --endpoint-mode} of {@code service create} as Docker's ServiceSpec fields:
 * {@code TaskTemplate.Networks} (targets by name or id, resolved by the manager) and {@code EndpointSpec.Mode}.
 */
public final class NetworkAttachments {
    private NetworkAttachments() {}

    /** One {@code --network}: {@code NAME}, or docker's long form {@code name=NAME,alias=A[,alias=B]}. */
    public record Attachment(String target, List<String> aliases) {

        public static Attachment parse(String raw) {
            if (!raw.contains("=")) {
                if (raw.isBlank() || raw.contains(",")) {
                    throw new InvalidArgument("invalid network \"" + raw + "\": expected NAME or name=NAME,alias=ALIAS");
                }
                return new Attachment(raw, List.of());
            }
            String target = null;
            List<String> aliases = new ArrayList<>();
            for (String field : raw.split(",")) {
                KeyValue kv = KeyValue.parse(field, "network option");
                switch (kv.key()) {
                    case "name", "target" -> target = kv.value();
                    case "alias" -> aliases.add(kv.value());
                    default -> throw new InvalidArgument("invalid network option \"" + kv.key() + "\" in \"" + raw
                            + "\": expected name or alias");
                }
            }
            if (target == null || target.isEmpty()) {
                throw new InvalidArgument("invalid network \"" + raw + "\": name is required");
            }
            return new Attachment(target, List.copyOf(aliases));
        }
    }

    /** Adds the attachments and the endpoint mode to a ServiceSpec body; nothing when neither was given. */
    public static void apply(ObjectNode spec, List<Attachment> networks, String endpointMode) {
        if (endpointMode != null && !endpointMode.equals("vip") && !endpointMode.equals("dnsrr")) {
            throw new InvalidArgument("invalid endpoint mode \"" + endpointMode + "\": expected vip or dnsrr");
        }
        if (!networks.isEmpty()) {
            ArrayNode n = ((ObjectNode) spec.get("TaskTemplate")).putArray("Networks");
            for (Attachment a : networks) {
                ObjectNode entry = n.addObject().put("Target", a.target());
                if (!a.aliases().isEmpty()) {
                    ArrayNode aliases = entry.putArray("Aliases");
                    a.aliases().forEach(aliases::add);
                }
            }
        }
        if (endpointMode != null) {
            ObjectNode endpoint = spec.has("EndpointSpec") ? (ObjectNode) spec.get("EndpointSpec") : spec.putObject("EndpointSpec");
            endpoint.put("Mode", endpointMode);
        }
    }
}
