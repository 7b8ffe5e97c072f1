package io.shoal.engine.content;

import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageConfig;
import java.util.List;

/** A stored image: its id (the config digest, as Docker's image id), manifest, config and layers. */
public record Image(Digest id, Digest manifest, ImageConfig config, List<Descriptor> layers, List<String> tags,
                    long size) {
    public Image {
        layers = List.copyOf(layers);
        tags = List.copyOf(tags);
    }

    public List<Digest> diffIds() {
        return config.diffIds().stream().map(Digest::parse).toList();
    }
}
