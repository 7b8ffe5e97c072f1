package io.shoal.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses image indexes (manifest lists) and image manifests, and picks a platform from an index. Pure. */
public final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed manifest document. */
    public sealed interface Document {
        /** An OCI index or Docker manifest list. */
        record Index(List<Descriptor> manifests) implements Document { }

        /** One image: its config blob and its layers, bottom first. */
        record Image(Descriptor config, List<Descriptor> layers) implements Document { }

        record Invalid(String reason) implements Document { }
    }

    private Manifests() {
    }

    /**
     * Parses a manifest; {@code mediaType} is the Content-Type the registry sent, or null, in which case the
     * document's own {@code mediaType} field and shape decide (OCI makes that field optional).
     */
    public static Document parse(byte[] body, String mediaType) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return new Document.Invalid("manifest is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return new Document.Invalid("manifest is not a JSON object");
        }
        String type = root.path("mediaType").asText(null);
        if (type == null && mediaType != null && !mediaType.isBlank()) {
            type = mediaType.split(";")[0].trim();
        }
        if (type == null) {
            type = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (root.path("schemaVersion").asInt() != 2) {
            return new Document.Invalid("unsupported manifest schemaVersion " + root.path("schemaVersion"));
        }
        if (MediaTypes.INDEXES.contains(type)) {
            List<Descriptor> entries = new ArrayList<>();
            for (JsonNode m : root.path("manifests")) {
                entries.add(descriptor(m));
            }
            return new Document.Index(List.copyOf(entries));
        }
        if (MediaTypes.MANIFESTS.contains(type)) {
            if (!root.path("config").isObject()) {
                return new Document.Invalid("manifest has no config");
            }
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode l : root.path("layers")) {
                layers.add(descriptor(l));
            }
            return new Document.Image(descriptor(root.get("config")), List.copyOf(layers));
        }
        return new Document.Invalid("unsupported manifest media type " + type);
    }

    /** The first entry of an index for {@code wanted}, skipping attestation manifests (os "unknown"). */
    public static java.util.Optional<Descriptor> select(Document.Index index, Descriptor.PlatformSpec wanted) {
        return index.manifests().stream()
                .filter(d -> d.platform() != null && d.platform().matches(wanted))
                .findFirst();
    }

    public static Descriptor descriptor(JsonNode n) {
        Descriptor.PlatformSpec platform = null;
        JsonNode p = n.path("platform");
        if (p.isObject()) {
            platform = new Descriptor.PlatformSpec(p.path("os").asText(""), p.path("architecture").asText(""),
                    p.path("variant").asText(null));
        }
        Map<String, String> annotations = new HashMap<>();
        n.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        return new Descriptor(n.path("mediaType").asText(null), n.path("digest").asText(), n.path("size").asLong(),
                platform, annotations);
    }
}
