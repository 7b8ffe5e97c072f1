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
 * ({@code docker.io/library/busybox:latest}). Besides the names, the store keeps the set of every image it holds,
 * so an image that lost its last name while a container used it, or whose tag moved to a newer pull, or that was
 * loaded without one, stays listed as dangling ({@code <none>:<none>}) until {@code rmi} or {@code image prune}
 * deletes it. Both live in one small JSON file rewritten atomically ({@code {"names":{…},"images":[…]}}; the first
 * format, a bare name map, is still read). {@link #register} is the single way in: it checks that the manifest,
 * config and every layer blob are present, unpacks the layers once, then points the name at the manifest.
 *
 * <p>A manifest blob never changes under its digest, so what is parsed from it and its config (everything of an
 * {@link Image} but its names) is kept in memory after the first read: creating a container, the worker's
 * image checks and {@code docker images} no longer read and parse two JSON blobs per image each time (about a
 * third of a create's own CPU). The names are looked up at each read, so tag, untag and register are seen at once;
 * an entry leaves when its image leaves the disk ({@link #deleteIfUnused}). A reference by digest still checks
 * that the manifest blob is on disk before it answers; blobs deleted by hand behind the engine's back are not
 * noticed until the next read of the layers they fed.
 */
public final class ImageStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlobStore blobs;
    private final LayerStore layers;
    private final Path namesFile;
    private final Map<String, String> names = new TreeMap<>();
    /** The manifest of every image held, named or dangling. */
    private final Set<String> held = new java.util.TreeSet<>();
    /** Manifest digest → the image parsed from it and its config, without names (content-addressed: never stale). */
    private final Map<String, Image> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * A copy of {@link #names} made after each change, so a lookup by name of an image already parsed takes no lock:
     * 50 tasks starting at once each look their image up three times, and behind one monitor on 2 busy cores they
     * queued (JFR: ImageStore.resolve blocked 10 ms and more, 10-16 times per converge run).
     */
    private volatile Map<String, String> namesView = Map.of();

    public ImageStore(BlobStore blobs, LayerStore layers, Path namesFile) throws IOException {
        this.blobs = blobs;
        this.layers = layers;
        this.namesFile = namesFile;
        if (Files.exists(namesFile)) {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(namesFile.toFile());
            boolean current = root.path("names").isObject();
            (current ? root.path("names") : root).fields()
                    .forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
            root.path("images").forEach(m -> held.add(m.asText()));
            held.addAll(names.values());
        }
        namesView = java.util.Collections.unmodifiableMap(new TreeMap<>(names));
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
            namesView = java.util.Collections.unmodifiableMap(new TreeMap<>(names));
        }
        if (held.add(manifest.toString()) || reference != null) {
            save();
        }
        return read(manifest);
    }

    public Optional<Image> resolve(ImageReference reference) throws IOException {
        Map<String, String> view = namesView;
        String named = view.get(reference.toString());
        Image content = named == null ? null : parsed.get(named);
        if (content != null) { // a name of an image in memory: no lock (names change only under it, then the view)
            return Optional.of(withTags(content, view));
        }
        return resolveLocked(reference);
    }

    private synchronized Optional<Image> resolveLocked(ImageReference reference) throws IOException {
        String manifest = names.get(reference.toString());
        if (manifest == null && reference.digest() != null) {
            Digest d = Digest.parse(reference.digest());
            return blobs.has(d) ? Optional.of(read(d)) : Optional.empty();
        }
        return manifest == null ? Optional.empty() : Optional.of(read(Digest.parse(manifest)));
    }

    /**
     * The image (named or dangling) whose id (config digest) is {@code text} or starts with it, {@code sha256:}
     * optional, as dockerd finds {@code docker rmi 35ecab0df5fd}. Empty when none matches or {@code text} is not
     * hex; a prefix several images share is Docker's 404 {@code No such image}, saying it is ambiguous.
     */
    public synchronized Optional<Image> findById(String text) throws IOException {
        String hex = text.startsWith("sha256:") ? text.substring("sha256:".length()) : text;
        if (hex.isEmpty() || hex.length() > 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        List<Image> found = list().stream().filter(i -> i.id().hex().startsWith(hex)).toList();
        if (found.size() > 1) {
            throw EngineException.notFound("No such image: " + text + " (the id prefix is ambiguous: it matches "
                    + found.size() + " images)");
        }
        return found.stream().findFirst();
    }

    /**
     * Every image held, named and dangling, once per image id as Docker lists them: when several manifests carry
     * one config (a registry's manifest and the one {@code docker load} wrote for the same image), the image is
     * shown through a named manifest with the names of all of them.
     */
    public synchronized List<Image> list() throws IOException {
        Map<Digest, List<Image>> byId = new java.util.LinkedHashMap<>();
        for (String m : held) {
            Image image = read(Digest.parse(m));
            byId.computeIfAbsent(image.id(), k -> new ArrayList<>()).add(image);
        }
        List<Image> out = new ArrayList<>();
        for (List<Image> same : byId.values()) {
            Image shown = same.stream().filter(i -> !i.tags().isEmpty()).findFirst().orElse(same.get(0));
            List<String> tags = same.stream().flatMap(i -> i.tags().stream()).distinct().sorted().toList();
            out.add(new Image(shown.id(), shown.manifest(), shown.config(), shown.layers(), tags, shown.size(),
                    shown.created()));
        }
        return out;
    }

    public synchronized boolean untag(ImageReference reference) throws IOException {
        boolean removed = names.remove(reference.toString()) != null;
        namesView = java.util.Collections.unmodifiableMap(new TreeMap<>(names));
        save();
        return removed;
    }

    /**
     * Deletes {@code image} (every manifest held with its id) from disk if no name points at one of them any more
     * and no container uses its config ({@code configsInUse}): the manifests, the config and every layer blob and
     * unpacked layer that no other held image and no container's image still has.
     * The caller keeps pulls, loads and container creations out while this runs (they may count on a layer).
     * Returns the bytes freed (blobs and unpacked layers), or empty when the image stays.
     */
    public synchronized java.util.OptionalLong deleteIfUnused(Image image, Set<Digest> configsInUse)
            throws IOException {
        if (configsInUse.contains(image.id())) {
            return java.util.OptionalLong.empty();
        }
        List<Image> same = new ArrayList<>();
        for (String m : held) {
            Image h = read(Digest.parse(m));
            if (h.id().equals(image.id())) {
                if (!h.tags().isEmpty()) {
                    return java.util.OptionalLong.empty();
                }
                same.add(h);
            }
        }
        if (same.isEmpty()) {
            same.add(image);
        }
        same.forEach(h -> held.remove(h.manifest().toString()));
        save();
        same.forEach(h -> parsed.remove(h.manifest().toString()));
        long freed = 0;
        for (Image h : same) {
            freed += collect(h, configsInUse);
        }
        return java.util.OptionalLong.of(freed);
    }

    /** Deletes what of {@code image} no held image and no container's config still has; the bytes freed. */
    private long collect(Image image, Set<Digest> configsInUse) throws IOException {
        Set<Digest> keepBlobs = new HashSet<>();
        Set<Digest> keepLayers = new HashSet<>();
        for (String m : held) {
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
        long freed = 0;
        for (Digest diffId : new java.util.LinkedHashSet<>(image.diffIds())) {
            if (!keepLayers.contains(diffId) && layers.has(diffId)) {
                freed += treeSize(layers.dir(diffId));
                layers.remove(diffId);
            }
        }
        Set<Digest> gone = new java.util.LinkedHashSet<>();
        image.layers().forEach(l -> gone.add(Digest.parse(l.digest())));
        gone.add(image.id());
        gone.add(image.manifest());
        for (Digest blob : gone) {
            if ((!keepBlobs.contains(blob) || blob.equals(image.manifest())) && blobs.has(blob)) {
                freed += Files.size(blobs.path(blob));
                blobs.delete(blob);
            }
        }
        return freed;
    }

    private static long treeSize(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private Image read(Digest manifest) throws IOException {
        Image content = parsed.get(manifest.toString());
        if (content == null) {
            content = parse(manifest);
            parsed.put(manifest.toString(), content);
        }
        return withTags(content, names);
    }

    /** {@code content} with the names {@code names} gives its manifest (in name order). */
    private static Image withTags(Image content, Map<String, String> names) {
        String manifest = content.manifest().toString();
        List<String> tags = new ArrayList<>();
        names.forEach((name, m) -> {
            if (m.equals(manifest)) {
                tags.add(name);
            }
        });
        return tags.isEmpty() ? content : new Image(content.id(), content.manifest(), content.config(),
                content.layers(), tags, content.size(), content.created());
    }

    /** Is the parsed content of {@code manifest} in memory? For tests of the cache. */
    boolean cached(Digest manifest) {
        return parsed.containsKey(manifest.toString());
    }

    private Image parse(Digest manifest) throws IOException {
        Manifests.Document doc = Manifests.parse(blobs.read(manifest), null);
        if (!(doc instanceof Manifests.Document.Image img)) {
            throw new IOException("not an image manifest: " + manifest + " " + doc);
        }
        Digest configDigest = Digest.parse(img.config().digest());
        byte[] configBlob = blobs.read(configDigest);
        ImageConfig config = ImageConfig.parse(configBlob);
        long size = img.layers().stream().mapToLong(Descriptor::size).sum();
        return new Image(configDigest, manifest, config, img.layers(), List.of(), size, created(configBlob));
    }

    /** The config's {@code created} (RFC 3339), null when absent or malformed. */
    private static java.time.Instant created(byte[] configBlob) throws IOException {
        String text = JSON.readTree(configBlob).path("created").asText("");
        try {
            return text.isEmpty() ? null : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void save() throws IOException {
        ObjectNode node = JSON.createObjectNode();
        names.forEach(node.putObject("names")::put);
        held.forEach(node.putArray("images")::add);
        Path tmp = namesFile.resolveSibling(namesFile.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
        Files.move(tmp, namesFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
