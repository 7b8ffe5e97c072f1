package io.shoal.engine.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.fake.FakeFileAttributes;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.layer.LayerStore;
import io.shoal.engine.layer.Unpacker;
import io.shoal.engine.testing.Tars;
import io.shoal.engine.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

    @TempDir
    Path dir;

    private ImageStore store;
    private ImageLoader loader;

    @BeforeEach
    void setUp() throws Exception {
        store = new ImageStore(new BlobStore(dir.resolve("blobs")),
                new LayerStore(dir.resolve("layers"), new Unpacker(new FakeFileAttributes())), dir.resolve("names.json"));
        loader = new ImageLoader(store);
    }

    @Test
    void loadsAnOciLayoutUnpacksEachLayerOnceAndNamesIt() throws Exception {
        byte[] base = new Tars().file("a", 0644, "base").file("b", 0644, "b").bytes();
        byte[] top = new Tars().file("a", 0644, "top").file(".wh.b", 0, "").bytes();
        Path layout = dir.resolve("layout");
        TestImages.writeLayout(layout, "v1", List.of(base, top), List.of("/bin/sh"));
        Image image = loader.loadOciLayout(layout, "localhost/test").get(0);
        assertThat(image.tags()).containsExactly("localhost/test:v1");
        assertThat(store.resolve(ImageReference.of("localhost/test:v1"))).contains(image);
        List<Path> lowers = store.layers().lowerDirs(image.diffIds());
        assertThat(lowers).hasSize(2);
        assertThat(Files.readString(lowers.get(0).resolve("a"))).isEqualTo("top");
        assertThat(Files.readString(lowers.get(1).resolve("a"))).isEqualTo("base");
        assertThat(image.config().cmd()).containsExactly("/bin/sh");

        ImageStore reopened = new ImageStore(store.blobs(), store.layers(), dir.resolve("names.json"));
        assertThat(reopened.list()).extracting(Image::id).containsExactly(image.id());
    }

    @Test
    void loadsADockerSaveArchive() throws Exception {
        byte[] layer = new Tars().file("hello", 0644, "hi").bytes();
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"cat\",\"/hello\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.of(layer) + "\"]}}";
        String manifest = "[{\"Config\":\"cfg.json\",\"RepoTags\":[\"hello:1\"],\"Layers\":[\"l1/layer.tar\"]}]";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            add(tar, "manifest.json", manifest.getBytes());
            add(tar, "cfg.json", config.getBytes());
            add(tar, "l1/layer.tar", layer);
        }
        Image image = loader.loadDockerArchive(new java.io.ByteArrayInputStream(out.toByteArray()), dir).get(0);
        assertThat(image.tags()).containsExactly("docker.io/library/hello:1");
        assertThat(Files.readString(store.layers().dir(image.diffIds().get(0)).resolve("hello"))).isEqualTo("hi");
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
