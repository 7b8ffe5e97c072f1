package io.shoal.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code shoal network ls}: docker's columns {@code NETWORK ID NAME DRIVER SCOPE}, sorted by name. */
public final class NetworkRows {
    private NetworkRows() {}

    public static Listing listing(List<JsonNode> networks, boolean noTrunc) {
        Listing l = Listing.of("ID", "NETWORK ID", "Name", "NAME", "Driver", "DRIVER", "Scope", "SCOPE");
        List<JsonNode> sorted = new ArrayList<>(networks);
        sorted.sort(Comparator.comparing((JsonNode n) -> Json.text(n, "Name"), NaturalOrder.INSTANCE));
        for (JsonNode n : sorted) {
            l.row(Ids.shorten(Json.text(n, "Id"), noTrunc), Json.text(n, "Name"), Json.text(n, "Driver"), Json.text(n, "Scope"));
        }
        return l;
    }
}
