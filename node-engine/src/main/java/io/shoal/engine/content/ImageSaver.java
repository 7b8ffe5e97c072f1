package io.shoal.engine.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.image.MediaTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Writes a {@code docker save} archive as Docker 25+ does: an OCI image layout ({@code oci-layout}, {@code index.json}
 * with one entry per name, {@code blobs/sha256/…}) that also carries the older format's {@code manifest.json} and
 * {@code repositories}, both pointing into {@code blobs/}. Layers are written uncompressed, so each layer blob's
 * digest is its diff id, as {@code docker load} checks it; the OCI manifest is written anew for those blobs. A
 * layer blob is decompressed once into {@code scratch} (a tar entry needs its size up front) and its digest is
 * checked against the config's diff id before it is sent.
 */
public final class ImageSaver {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One image to save and the names (normalised references) it is saved under; none for an image saved by id. */
    public record Entry(Image image, List<String> names) {
        public Entry {
            names = List.copyOf(names);
        }
    }

    private final BlobStore blobs;
    private final Path scratch;

    public ImageSaver(BlobStore blobs, Path scratch) {
        this.blobs = blobs;
        this.scratch = scratch;
    }

    public void save(List<Entry> entries, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        Set<String> written = new HashSet<>();
        ArrayNode manifestJson = JSON.createArrayNode();
        ArrayNode indexManifests = JSON.createArrayNode();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        directory(tar, "blobs/");
        directory(tar, "blobs/sha256/");
        for (Entry entry : entries) {
            Image image = entry.image();
            byte[] config = blobs.read(image.id());
            blob(tar, written, image.id(), config);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.set("config", ImageLoader.descriptor(MediaTypes.OCI_CONFIG, image.id(), config.length));
            ArrayNode layers = manifest.putArray("layers");
            ArrayNode layerPaths = JSON.createArrayNode();
            List<Digest> diffIds = image.diffIds();
            for (int i = 0; i < diffIds.size(); i++) {
                long size = layer(tar, written, image.layers().get(i), diffIds.get(i));
                layers.add(ImageLoader.descriptor(MediaTypes.OCI_LAYER, diffIds.get(i), size));
                layerPaths.add(path(diffIds.get(i)));
            }
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            Digest manifestDigest = Digest.of(manifestBytes);
            blob(tar, written, manifestDigest, manifestBytes);

            ObjectNode saved = manifestJson.addObject();
            saved.put("Config", path(image.id()));
            ArrayNode repoTags = saved.putArray("RepoTags");
            saved.set("Layers", layerPaths);
            if (entry.names().isEmpty()) {
                indexManifests.add(ImageLoader.descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length));
            }
            for (String name : entry.names()) {
                ImageReference ref = ImageReference.of(name);
                String familiar = ref.familiar();
                repoTags.add(familiar);
                ObjectNode d = ImageLoader.descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length);
                ObjectNode annotations = d.putObject("annotations");
                annotations.put("io.containerd.image.name", ref.toString());
                if (ref.tag() != null) {
                    annotations.put(ImageLoader.REF_NAME, ref.tag());
                    String repo = familiar.substring(0, familiar.length() - ref.tag().length() - 1);
                    repositories.computeIfAbsent(repo, k -> new LinkedHashMap<>()).put(ref.tag(),
                            diffIds.isEmpty() ? image.id().hex() : diffIds.get(diffIds.size() - 1).hex());
                }
                indexManifests.add(d);
            }
        }
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.set("manifests", indexManifests);
        file(tar, "index.json", JSON.writeValueAsBytes(index));
        file(tar, "manifest.json", JSON.writeValueAsBytes(manifestJson));
        file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!repositories.isEmpty()) {
            file(tar, "repositories", JSON.writeValueAsBytes(repositories));
        }
        tar.finish();
        tar.flush();
    }

    /** Writes the layer uncompressed as {@code blobs/sha256/<diff id>} (once per archive); its size. */
    private long layer(TarArchiveOutputStream tar, Set<String> written, Descriptor blob, Digest diffId)
            throws IOException {
        Path tmp = Files.createTempFile(scratch, ".save-", ".tar");
        try {
            MessageDigest md = Digest.sha256();
            try (InputStream in = uncompressed(blobs.path(Digest.parse(blob.digest())));
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                in.transferTo(out);
            }
            Digest actual = new Digest(HexFormat.of().formatHex(md.digest()));
            if (!actual.equals(diffId)) {
                throw new DigestMismatchException(diffId, actual);
            }
            long size = Files.size(tmp);
            if (written.add(diffId.hex())) {
                TarArchiveEntry e = entry(path(diffId), size);
                tar.putArchiveEntry(e);
                Files.copy(tmp, tar);
                tar.closeArchiveEntry();
            }
            return size;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The blob as a tar stream: gzip (by its magic bytes) is decompressed, a plain tar passes through. */
    private static InputStream uncompressed(Path blob) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(blob));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GzipCompressorInputStream(in, true) : in;
    }

    private static void blob(TarArchiveOutputStream tar, Set<String> written, Digest digest, byte[] bytes)
            throws IOException {
        if (written.add(digest.hex())) {
            file(tar, path(digest), bytes);
        }
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        tar.putArchiveEntry(entry(name, bytes.length));
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(040755);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0100644);
        e.setModTime(0);
        return e;
    }

    private static String path(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }
}
