package io.shoal.engine.content;

import java.util.List;

/**
 * What {@code image prune} did: per image, the names it lost and its id once it left the disk (Docker's
 * {@code ImagesDeleted}), and the bytes of blobs and unpacked layers freed ({@code SpaceReclaimed}).
 */
public record ImagePrune(List<ImageRemoval> removed, long spaceReclaimed) {
    public ImagePrune {
        removed = List.copyOf(removed);
    }
}
