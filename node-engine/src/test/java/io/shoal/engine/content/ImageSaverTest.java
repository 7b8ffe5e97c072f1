package io.shoal.engine.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.EngineException;
import io.shoal.engine.fake.FakeFileAttributes;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.layer.LayerStore;
import io.shoal.engine.layer.Unpacker;
import io.shoal.engine.testing.Tars;
import io.shoal.engine.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker-save archive ImageSaver writes, read back by ImageLoader; dangling images in the store. */
class ImageSaverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ImageStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = newStore(dir.resolve("a"));
    }

    private static ImageStore newStore(Path at) throws Exception {
        return new ImageStore(new BlobStore(at.resolve("blobs")),
                new LayerStore(at.resolve("layers"), new Unpacker(new FakeFileAttributes())), at.resolve("images.json"));
    }

    private Image load(String tag, List<byte[]> layers, String cmd) throws Exception {
        Path layout = Files.createTempDirectory(dir, "layout");
        TestImages.writeLayout(layout, tag, layers, List.of(cmd));
        return new ImageLoader(store).loadOciLayout(layout, "localhost/app").get(0);
    }

    @Test
    void savesADockerAndOciArchiveThatLoadsBackWithItsNamesAndUncompressedLayers() throws Exception {
        byte[] base = new Tars().file("a", 0644, "base").bytes();
        byte[] top = new Tars().file("b", 0644, "top").bytes();
        Image v1 = load("v1", List.of(base, top), "/bin/one");
        Image v2 = load("v2", List.of(base), "/bin/two");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ImageSaver(store.blobs(), dir).save(List.of(new ImageSaver.Entry(v1, v1.tags()),
                new ImageSaver.Entry(v2, List.of())), out);

        Map<String, byte[]> files = untar(out.toByteArray());
        assertThat(files).containsKeys("manifest.json", "index.json", "oci-layout", "repositories",
                "blobs/sha256/" + v1.id().hex(), "blobs/sha256/" + v2.id().hex());
        assertThat(files.get("blobs/sha256/" + Digest.of(base).hex())).as("the shared layer once, uncompressed")
                .isEqualTo(base);
        assertThat(files.get("blobs/sha256/" + Digest.of(top).hex())).isEqualTo(top);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get(0).get("Config").asText()).isEqualTo("blobs/sha256/" + v1.id().hex());
        assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo("localhost/app:v1");
        assertThat(manifest.get(0).get("Layers")).hasSize(2);
        assertThat(manifest.get(1).get("RepoTags")).as("saved by id: no name").isEmpty();
        JsonNode index = JSON.readTree(files.get("index.json"));
        assertThat(index.get("manifests")).hasSize(2);
        JsonNode tagged = index.get("manifests").get(0);
        assertThat(tagged.get("annotations").get("io.containerd.image.name").asText()).isEqualTo("localhost/app:v1");
        assertThat(tagged.get("annotations").get("org.opencontainers.image.ref.name").asText()).isEqualTo("v1");
        byte[] ociManifest = files.get("blobs/sha256/" + Digest.parse(tagged.get("digest").asText()).hex());
        assertThat(Digest.of(ociManifest).toString()).isEqualTo(tagged.get("digest").asText());
        assertThat(JSON.readTree(files.get("repositories")).get("localhost/app").get("v1").asText())
                .isEqualTo(Digest.of(top).hex());

        ImageStore other = newStore(dir.resolve("b"));
        List<Image> loaded = new ImageLoader(other).loadDockerArchive(new ByteArrayInputStream(out.toByteArray()), dir);
        assertThat(loaded).extracting(Image::id).containsExactly(v1.id(), v2.id());
        assertThat(other.resolve(ImageReference.of("localhost/app:v1")).orElseThrow().id()).isEqualTo(v1.id());
        assertThat(other.list()).as("the image saved without a name loads as a dangling one")
                .anySatisfy(i -> {
                    assertThat(i.id()).isEqualTo(v2.id());
                    assertThat(i.tags()).isEmpty();
                });
        assertThat(Files.readString(other.layers().dir(Digest.of(top)).resolve("b"))).isEqualTo("top");
    }

    @Test
    void anImageWhoseTagMovedStaysAsADanglingImageUntilDeleted() throws Exception {
        byte[] layer = new Tars().file("a", 0644, "one").bytes();
        Image old = load("v1", List.of(layer), "/bin/old");
        Image current = load("v1", List.of(new Tars().file("a", 0644, "two").bytes()), "/bin/new");

        assertThat(store.list()).extracting(Image::id, Image::tags).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(old.id(), List.of()),
                org.assertj.core.groups.Tuple.tuple(current.id(), List.of("localhost/app:v1")));
        ImageStore reopened = new ImageStore(store.blobs(), store.layers(), dir.resolve("a/images.json"));
        assertThat(reopened.list()).as("dangling images survive a restart").hasSize(2);
        assertThat(reopened.findById(old.id().hex().substring(0, 12))).map(Image::id).contains(old.id());

        assertThat(reopened.deleteIfUnused(reopened.findById(old.id().hex()).orElseThrow(), Set.of(old.id())))
                .as("a container uses it").isEmpty();
        var freed = reopened.deleteIfUnused(reopened.findById(old.id().hex()).orElseThrow(), Set.of());
        assertThat(freed).isPresent();
        assertThat(freed.getAsLong()).isPositive();
        assertThat(reopened.list()).extracting(Image::id).containsExactly(current.id());
        assertThat(store.blobs().has(old.id())).isFalse();
        assertThat(store.layers().has(Digest.of(layer))).isFalse();
    }

    @Test
    void anIdPrefixSeveralImagesShareIsNotFoundAndSaysSo() throws Exception {
        Map<Character, Image> byFirst = new HashMap<>();
        Image first = null;
        Image second = null;
        for (int i = 0; second == null; i++) {
            Image image = load("t" + i, List.of(new Tars().file("f", 0644, "x").bytes()), "/bin/c" + i);
            Image earlier = byFirst.putIfAbsent(image.id().hex().charAt(0), image);
            if (earlier != null) {
                first = earlier;
                second = image;
            }
        }
        String prefix = first.id().hex().substring(0, 1);
        assertThatThrownBy(() -> store.findById(prefix)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.NOT_FOUND))
                .hasMessageContaining("No such image: " + prefix).hasMessageContaining("ambiguous");
        assertThat(store.findById("sha256:" + second.id().hex())).map(Image::id).contains(second.id());
    }

    private static Map<String, byte[]> untar(byte[] archive) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    out.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return out;
    }
}
