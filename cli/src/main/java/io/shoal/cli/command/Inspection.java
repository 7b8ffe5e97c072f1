package io.shoal.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.output.OutputFormat;
import java.io.PrintWriter;

/** The documents of an {@code inspect}: docker's indented JSON array, or one compact document per line. */
public final class Inspection {
    private final OutputFormat format;
    private final ArrayNode found = Json.F.arrayNode();

    public Inspection(OutputFormat format) {
        this.format = format;
    }

    public void add(JsonNode document) {
        found.add(document);
    }

    public void print(PrintWriter out) {
        if (format == OutputFormat.JSON) {
            found.forEach(d -> out.println(Json.compact(d)));
        } else {
            out.println(Json.pretty(found));
        }
        out.flush();
    }
}
