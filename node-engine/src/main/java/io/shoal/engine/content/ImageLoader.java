package io.shoal.engine.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.host.Trees;
import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.image.Manifests;
import io.shoal.engine.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Loads images into the store from an OCI image layout directory or a {@code docker save} archive. */
public final class ImageLoader {

    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageStore store;

    public ImageLoader(ImageStore store) {
        this.store = store;
    }

    /**
     * Loads every image of an OCI layout (linux/amd64 from nested indexes). An entry's ref-name annotation that
     * is a bare tag ({@code latest}, as umoci writes) is applied to {@code repository}; a full name is used as is.
     */
    public List<Image> loadOciLayout(Path layout, String repository) throws IOException {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        List<Image> out = new ArrayList<>();
        for (JsonNode m : index.path("manifests")) {
            Descriptor d = manifestFor(layout, Manifests.descriptor(m));
            copy(layout, d.digest());
            Manifests.Document.Image img = (Manifests.Document.Image) Manifests.parse(
                    store.blobs().read(Digest.parse(d.digest())), d.mediaType());
            copy(layout, img.config().digest());
            for (Descriptor l : img.layers()) {
                copy(layout, l.digest());
            }
            String refName = m.path("annotations").path(REF_NAME).asText("");
            ImageReference ref = null;
            if (!refName.isEmpty()) {
                ref = ImageReference.of(refName.contains(":") || refName.contains("/") || repository == null
                        ? refName : repository + ":" + refName);
            }
            out.add(store.register(Digest.parse(d.digest()), ref));
        }
        return out;
    }

    private Descriptor manifestFor(Path layout, Descriptor d) throws IOException {
        if (!MediaTypes.INDEXES.contains(d.mediaType())) {
            return d;
        }
        Manifests.Document doc = Manifests.parse(Files.readAllBytes(blobPath(layout, d.digest())), d.mediaType());
        return Manifests.select((Manifests.Document.Index) doc, Descriptor.PlatformSpec.LINUX_AMD64)
                .orElseThrow(() -> new IOException("no linux/amd64 image in " + d.digest()));
    }

    private void copy(Path layout, String digest) throws IOException {
        try (InputStream in = Files.newInputStream(blobPath(layout, digest))) {
            store.blobs().put(in, Digest.parse(digest));
        }
    }

    private static Path blobPath(Path layout, String digest) {
        Digest d = Digest.parse(digest);
        return layout.resolve("blobs").resolve("sha256").resolve(d.hex());
    }

    /** Loads a {@code docker save} archive: {@code manifest.json} naming a config and uncompressed layer tars. */
    public List<Image> loadDockerArchive(InputStream archive, Path scratch) throws IOException {
        Path dir = Files.createTempDirectory(scratch, ".load-");
        try {
            extract(archive, dir);
            if (!Files.exists(dir.resolve("manifest.json")) && Files.exists(dir.resolve("index.json"))) {
                return loadOciLayout(dir, null);
            }
            List<Image> out = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(dir.resolve("manifest.json").toFile())) {
                out.addAll(loadSaved(dir, entry));
            }
            return out;
        } finally {
            Trees.delete(dir);
        }
    }

    private List<Image> loadSaved(Path dir, JsonNode entry) throws IOException {
        Path configFile = inside(dir, entry.path("Config").asText());
        Digest config = store.blobs().put(Files.readAllBytes(configFile));
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.set("config", descriptor(MediaTypes.OCI_CONFIG, config, Files.size(configFile)));
        ArrayNode layers = manifest.putArray("layers");
        for (JsonNode l : entry.path("Layers")) {
            Path layer = inside(dir, l.asText());
            Digest digest = hash(layer);
            try (InputStream in = Files.newInputStream(layer)) {
                store.blobs().put(in, digest);
            }
            layers.add(descriptor(MediaTypes.OCI_LAYER, digest, Files.size(layer)));
        }
        Digest manifestDigest = store.blobs().put(JSON.writeValueAsBytes(manifest));
        List<Image> out = new ArrayList<>();
        if (entry.path("RepoTags").isEmpty()) {
            out.add(store.register(manifestDigest, null));
        }
        for (JsonNode tag : entry.path("RepoTags")) {
            out.add(store.register(manifestDigest, ImageReference.of(tag.asText())));
        }
        return out;
    }

    /** An OCI content descriptor: media type, digest and size. */
    static ObjectNode descriptor(String mediaType, Digest digest, long size) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mediaType", mediaType);
        n.put("digest", digest.toString());
        n.put("size", size);
        return n;
    }

    private static Digest hash(Path file) throws IOException {
        var md = Digest.sha256();
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new Digest(HexFormat.of().formatHex(md.digest()));
    }

    private static void extract(InputStream archive, Path dir) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path p = inside(dir, e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(p.getParent());
                    Path target = inside(dir, p.getParent().resolve(e.getLinkName()).normalize().toString()
                            .substring(dir.toString().length()));
                    Files.createSymbolicLink(p, target);
                } else if (e.isFile()) {
                    Files.createDirectories(p.getParent());
                    Files.copy(tar, p);
                }
            }
        }
    }

    private static Path inside(Path dir, String name) throws IOException {
        Path p = dir.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
        if (!p.startsWith(dir)) {
            throw new IOException("archive entry escapes: " + name);
        }
        return p;
    }

}
