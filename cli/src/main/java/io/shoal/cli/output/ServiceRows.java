package io.shoal.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.spec.SpecEdits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/** {@code shoal service ls}: docker's columns {@code ID NAME MODE REPLICAS IMAGE PORTS}, sorted by name. */
public final class ServiceRows {
    private ServiceRows() {}

    public static Listing listing(List<JsonNode> services, boolean noTrunc) {
        Listing l = Listing.of("ID", "ID", "Name", "NAME", "Mode", "MODE", "Replicas", "REPLICAS", "Image", "IMAGE",
                "Ports", "PORTS");
        List<JsonNode> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing((JsonNode s) -> Json.text(s, "Spec", "Name"), NaturalOrder.INSTANCE).thenComparing(s -> Json.text(s, "ID")));
        for (JsonNode s : sorted) {
            l.row(Ids.shorten(Json.text(s, "ID"), noTrunc), Json.text(s, "Spec", "Name"), SpecEdits.modeName(s.path("Spec")),
                    replicas(s), image(Json.text(s, "Spec", "TaskTemplate", "ContainerSpec", "Image")), ports(s));
        }
        return l;
    }

    /** {@code running/desired} from the ServiceStatus that {@code ?status=true} adds. */
    static String replicas(JsonNode s) {
        JsonNode status = s.path("ServiceStatus");
        if (status.isMissingNode()) {
            return "";
        }
        String counts = status.path("RunningTasks").asLong() + "/" + status.path("DesiredTasks").asLong();
        long max = Json.at(s, "Spec", "TaskTemplate", "Placement", "MaxReplicas").asLong();
        return max > 0 ? counts + " (max " + max + " per node)" : counts;
    }

    /** The image reference without its {@code @sha256:} digest, as docker lists it. */
    public static String image(String ref) {
        int at = ref.indexOf('@');
        return at < 0 ? ref : ref.substring(0, at);
    }

    /** Published ingress ports, {@code *:8080->80/tcp}, from the endpoint (or, failing that, the spec). */
    static String ports(JsonNode s) {
        JsonNode ports = Json.at(s, "Endpoint", "Ports");
        if (!ports.isArray()) {
            ports = Json.at(s, "Endpoint", "Spec", "Ports");
        }
        if (!ports.isArray()) {
            ports = Json.at(s, "Spec", "EndpointSpec", "Ports");
        }
        return portList(ports, true);
    }

    /** {@code *:PUBLISHED->TARGET/PROTOCOL}, comma-separated; host-mode ports only when {@code ingressOnly} is false. */
    static String portList(JsonNode ports, boolean ingressOnly) {
        StringJoiner j = new StringJoiner(", ");
        for (JsonNode p : ports) {
            String mode = Json.text(p, "PublishMode");
            if (ingressOnly && !mode.isEmpty() && !mode.equals("ingress")) {
                continue;
            }
            if (!p.path("PublishedPort").isNumber() || p.path("PublishedPort").asInt() == 0) {
                continue;
            }
            String protocol = Json.text(p, "Protocol");
            j.add("*:" + p.path("PublishedPort").asInt() + "->" + p.path("TargetPort").asInt() + "/"
                    + (protocol.isEmpty() ? "tcp" : protocol));
        }
        return j.toString();
    }
}
