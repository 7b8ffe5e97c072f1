package io.shoal.cli.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import java.util.Locale;

/**
 * A {@code --publish} value: {@code [PUBLISHED:]TARGET[/PROTOCOL]} or the long form
 * {@code published=8080,target=80,protocol=tcp,mode=ingress}; as an EndpointPortConfig.
 */
public record PortSpec(Integer published, int target, String protocol, String mode) {

    public static PortSpec parse(String raw) {
        return raw.contains("=") ? parseLong(raw) : parseShort(raw);
    }

    private static PortSpec parseShort(String raw) {
        String s = raw;
        String protocol = "tcp";
        int slash = s.indexOf('/');
        if (slash >= 0) {
            protocol = protocol(s.substring(slash + 1), raw);
            s = s.substring(0, slash);
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 2) {
            throw new InvalidArgument("invalid port \"" + raw + "\": expected [PUBLISHED:]TARGET[/PROTOCOL]; a host IP is not supported");
        }
        Integer published = parts.length == 2 ? port(parts[0], raw) : null;
        return new PortSpec(published, port(parts[parts.length - 1], raw), protocol, "ingress");
    }

    private static PortSpec parseLong(String raw) {
        Integer published = null;
        Integer target = null;
        String protocol = "tcp";
        String mode = "ingress";
        for (String field : raw.split(",")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new InvalidArgument("invalid port \"" + raw + "\": \"" + field + "\" is not KEY=VALUE");
            }
            String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(eq + 1).trim();
            switch (key) {
                case "published" -> published = port(value, raw);
                case "target" -> target = port(value, raw);
                case "protocol" -> protocol = protocol(value, raw);
                case "mode" -> {
                    if (!value.equals("ingress") && !value.equals("host")) {
                        throw new InvalidArgument("invalid port \"" + raw + "\": mode must be ingress or host");
                    }
                    mode = value;
                }
                default -> throw new InvalidArgument("invalid port \"" + raw + "\": unknown field \"" + key
                        + "\" (expected published, target, protocol or mode)");
            }
        }
        if (target == null) {
            throw new InvalidArgument("invalid port \"" + raw + "\": target is required");
        }
        return new PortSpec(published, target, protocol, mode);
    }

    private static int port(String s, String raw) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgument("invalid port \"" + raw + "\": \"" + s + "\" is not a port number in 1-65535");
    }

    private static String protocol(String p, String raw) {
        String lower = p.toLowerCase(Locale.ROOT);
        if (!lower.equals("tcp") && !lower.equals("udp") && !lower.equals("sctp")) {
            throw new InvalidArgument("invalid port \"" + raw + "\": protocol must be tcp, udp or sctp");
        }
        return lower;
    }

    /** Docker's EndpointPortConfig: {@code {"Protocol":"tcp","PublishedPort":8080,"TargetPort":80,"PublishMode":"ingress"}}. */
    public ObjectNode toJson() {
        ObjectNode n = Json.F.objectNode().put("Protocol", protocol).put("TargetPort", target);
        if (published != null) {
            n.put("PublishedPort", published);
        }
        n.put("PublishMode", mode);
        return n;
    }
}
