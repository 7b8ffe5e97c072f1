package io.shoal.engine.content;

import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageConfig;
import java.util.List;

/**
 * A stored image: its id (the config digest, as Docker's image id), manifest, config, layers, names (empty: a
 * dangling image) and when it was built (the config's {@code created}; null when the config does not say).
 */
public record Image(Digest id, Digest manifest, ImageConfig config, List<Descriptor> layers, List<String> tags,
                    long size, java.time.Instant created) {
    public Image {
        layers = List.copyOf(layers);
        tags = List.copyOf(tags);
    }

    public List<Digest> diffIds() {
        return config.diffIds().stream().map(Digest::parse).toList();
    }
}
