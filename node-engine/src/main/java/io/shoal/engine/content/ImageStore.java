package io.shoal.engine.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.EngineException;
import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageConfig;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.image.Manifests;
import io.shoal.engine.layer.LayerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names → image manifests, over the blob store and layer store. A name is the normalised reference
 * ({@code docker.io/library/busybox:latest}); the map is one small JSON file rewritten atomically.
 * {@link #register} is the single way in: it checks that the manifest, config and every layer blob are present,
 * unpacks the layers once, then points the name at the manifest.
 */
public final class ImageStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlobStore blobs;
    private final LayerStore layers;
    private final Path namesFile;
    private final Map<String, String> names = new TreeMap<>();

    public ImageStore(BlobStore blobs, LayerStore layers, Path namesFile) throws IOException {
        this.blobs = blobs;
        this.layers = layers;
        this.namesFile = namesFile;
        if (Files.exists(namesFile)) {
            JSON.readTree(namesFile.toFile()).fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        }
    }

    public BlobStore blobs() {
        return blobs;
    }

    public LayerStore layers() {
        return layers;
    }

    /** Registers a stored manifest under {@code reference} (null: keep unnamed) and unpacks its layers. */
    public synchronized Image register(Digest manifest, ImageReference reference) throws IOException {
        Image image = read(manifest);
        List<Digest> diffIds = image.diffIds();
        if (diffIds.size() != image.layers().size()) {
            throw new IOException("image config lists " + diffIds.size() + " diff ids for "
                    + image.layers().size() + " layers");
        }
        for (int i = 0; i < diffIds.size(); i++) {
            Digest blob = Digest.parse(image.layers().get(i).digest());
            if (!blobs.has(blob)) {
                throw new IOException("layer blob missing: " + blob);
            }
            layers.ensure(diffIds.get(i), () -> Files.newInputStream(blobs.path(blob)));
        }
        if (reference != null) {
            names.put(reference.toString(), manifest.toString());
            save();
        }
        return read(manifest);
    }

    public synchronized Optional<Image> resolve(ImageReference reference) throws IOException {
        String manifest = names.get(reference.toString());
        if (manifest == null && reference.digest() != null) {
            Digest d = Digest.parse(reference.digest());
            return blobs.has(d) ? Optional.of(read(d)) : Optional.empty();
        }
        return manifest == null ? Optional.empty() : Optional.of(read(Digest.parse(manifest)));
    }

    /**
     * The named image whose id (config digest) is {@code text} or starts with it, {@code sha256:} optional, as
     * dockerd finds {@code docker rmi 35ecab0df5fd}. Empty when none matches or {@code text} is not hex; an
     * ambiguous prefix is an {@link io.shoal.engine.EngineException} naming it.
     */
    public synchronized Optional<Image> findById(String text) throws IOException {
        String hex = text.startsWith("sha256:") ? text.substring("sha256:".length()) : text;
        if (hex.isEmpty() || hex.length() > 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        List<Image> found = list().stream().filter(i -> i.id().hex().startsWith(hex)).toList();
        if (found.size() > 1) {
            throw EngineException.invalid("image id prefix " + text + " is ambiguous: it matches "
                    + found.size() + " images");
        }
        return found.stream().findFirst();
    }

    public synchronized List<Image> list() throws IOException {
        Map<String, Image> byManifest = new TreeMap<>();
        for (String m : names.values()) {
            byManifest.putIfAbsent(m, read(Digest.parse(m)));
        }
        return new ArrayList<>(byManifest.values());
    }

    public synchronized boolean untag(ImageReference reference) throws IOException {
        boolean removed = names.remove(reference.toString()) != null;
        save();
        return removed;
    }

    /**
     * Deletes {@code image} from disk if no name points at its manifest any more and no container uses its config
     * ({@code configsInUse}): its manifest, its config and every layer blob and unpacked layer that no named image
     * and no container's image still has. Returns whether it was deleted. The caller keeps pulls, loads and
     * container creations out while this runs (they may be counting on a layer being here).
     */
    public synchronized boolean deleteIfUnused(Image image, Set<Digest> configsInUse) throws IOException {
        if (names.containsValue(image.manifest().toString()) || configsInUse.contains(image.id())) {
            return false;
        }
        Set<Digest> keepBlobs = new HashSet<>();
        Set<Digest> keepLayers = new HashSet<>();
        for (String m : new HashSet<>(names.values())) {
            Image kept = read(Digest.parse(m));
            keepBlobs.add(kept.manifest());
            keepBlobs.add(kept.id());
            kept.layers().forEach(l -> keepBlobs.add(Digest.parse(l.digest())));
            keepLayers.addAll(kept.diffIds());
        }
        for (Digest config : configsInUse) {
            if (blobs.has(config)) {
                keepBlobs.add(config);
                ImageConfig.parse(blobs.read(config)).diffIds().forEach(d -> keepLayers.add(Digest.parse(d)));
            }
        }
        for (Digest diffId : image.diffIds()) {
            if (!keepLayers.contains(diffId)) {
                layers.remove(diffId);
            }
        }
        for (Descriptor layer : image.layers()) {
            Digest blob = Digest.parse(layer.digest());
            if (!keepBlobs.contains(blob)) {
                blobs.delete(blob);
            }
        }
        if (!keepBlobs.contains(image.id())) {
            blobs.delete(image.id());
        }
        blobs.delete(image.manifest());
        return true;
    }

    private Image read(Digest manifest) throws IOException {
        Manifests.Document doc = Manifests.parse(blobs.read(manifest), null);
        if (!(doc instanceof Manifests.Document.Image img)) {
            throw new IOException("not an image manifest: " + manifest + " " + doc);
        }
        Digest configDigest = Digest.parse(img.config().digest());
        ImageConfig config = ImageConfig.parse(blobs.read(configDigest));
        List<String> tags = new ArrayList<>();
        names.forEach((name, m) -> {
            if (m.equals(manifest.toString())) {
                tags.add(name);
            }
        });
        long size = img.layers().stream().mapToLong(Descriptor::size).sum();
        return new Image(configDigest, manifest, config, img.layers(), tags, size);
    }

    private void save() throws IOException {
        ObjectNode node = JSON.createObjectNode();
        names.forEach(node::put);
        Path tmp = namesFile.resolveSibling(namesFile.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
        Files.move(tmp, namesFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
