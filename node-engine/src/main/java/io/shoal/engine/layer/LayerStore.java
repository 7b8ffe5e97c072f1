package io.shoal.engine.layer;

import io.shoal.engine.content.Digest;
import io.shoal.engine.content.DigestMismatchException;
import io.shoal.engine.host.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpacked layers under {@code root/<diff id hex>/}, each unpacked once and shared read-only by every container
 * as an overlayfs lower dir. A layer is unpacked into a temporary directory and renamed into place only when its
 * diff id checks out, so a present directory is always complete.
 */
public final class LayerStore {

    /** Opens a layer blob; called only when the layer is not unpacked yet. */
    @FunctionalInterface
    public interface BlobSource {
        InputStream open() throws IOException;
    }

    private final Path root;
    private final Unpacker unpacker;

    public LayerStore(Path root, Unpacker unpacker) throws IOException {
        this.root = root;
        this.unpacker = unpacker;
        Files.createDirectories(root);
    }

    public Path dir(Digest diffId) {
        return root.resolve(diffId.hex());
    }

    public boolean has(Digest diffId) {
        return Files.isDirectory(dir(diffId));
    }

    public synchronized Path ensure(Digest diffId, BlobSource blob) throws IOException {
        Path target = dir(diffId);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path tmp = Files.createTempDirectory(root, ".unpack-");
        try {
            Digest actual;
            try (InputStream in = blob.open()) {
                actual = unpacker.unpack(in, tmp);
            }
            if (!actual.equals(diffId)) {
                throw new DigestMismatchException(diffId, actual);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            if (Files.exists(tmp)) {
                Trees.delete(tmp);
            }
        }
    }

    /** Lower dirs for overlayfs, topmost first (overlay's lowerdir order): the image's layers reversed. */
    public List<Path> lowerDirs(List<Digest> diffIdsBottomFirst) {
        List<Path> out = new ArrayList<>();
        for (int i = diffIdsBottomFirst.size() - 1; i >= 0; i--) {
            out.add(dir(diffIdsBottomFirst.get(i)));
        }
        return out;
    }

    public void remove(Digest diffId) throws IOException {
        Trees.delete(dir(diffId));
    }

}
