package io.shoal.engine.content;

import java.util.List;

/**
 * What {@code rmi} did, in the order dockerd reports it: the names removed ({@code Untagged}), then the image ids
 * whose manifest, config and unshared layers left the disk ({@code Deleted}; empty while another name or a
 * container still holds the image).
 */
public record ImageRemoval(List<String> untagged, List<String> deleted) {
    public ImageRemoval {
        untagged = List.copyOf(untagged);
        deleted = List.copyOf(deleted);
    }
}
