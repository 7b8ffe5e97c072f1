package io.shoal.engine.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.fake.FakeFileAttributes;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.layer.LayerStore;
import io.shoal.engine.layer.Unpacker;
import io.shoal.engine.testing.Tars;
import io.shoal.engine.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image store keeps what it parsed from a manifest and its config in memory; names still come from the
 * name map at each read, and an image deleted from disk leaves the cache. Every way names and images change
 * (tag, untag, a load that moves a tag, rmi, a load of a deleted image again) is seen at the next read.
 */
class ImageStoreCacheTest {
    private static final ImageReference APP = ImageReference.of("localhost/app:v1");

    @TempDir
    Path dir;
    private ImageStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = new ImageStore(new BlobStore(dir.resolve("blobs")),
                new LayerStore(dir.resolve("layers"), new Unpacker(new FakeFileAttributes())), dir.resolve("images.json"));
    }

    private Image load(String tag, String content, String cmd) throws Exception {
        Path layout = Files.createTempDirectory(dir, "layout");
        TestImages.writeLayout(layout, tag, List.of(new Tars().file("f", 0644, content).bytes()), List.of(cmd));
        return new ImageLoader(store).loadOciLayout(layout, "localhost/app").get(0);
    }

    @Test
    void aResolvedImageIsParsedOnceAndReadAgainWithTheSameContent() throws Exception {
        Image loaded = load("v1", "one", "/bin/one");

        Image first = store.resolve(APP).orElseThrow();
        Image second = store.resolve(APP).orElseThrow();

        assertThat(store.cached(loaded.manifest())).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(second.config().cmd()).containsExactly("/bin/one");
        assertThat(second.tags()).containsExactly("localhost/app:v1");
    }

    @Test
    void tagAndUntagShowInTheNamesOfTheCachedImageAtOnce() throws Exception {
        Image image = load("v1", "one", "/bin/one");
        store.resolve(APP).orElseThrow();

        store.register(image.manifest(), ImageReference.of("localhost/other:2"));
        assertThat(store.resolve(APP).orElseThrow().tags()).containsExactly("localhost/app:v1", "localhost/other:2");

        store.untag(APP);
        assertThat(store.resolve(APP)).isEmpty();
        assertThat(store.resolve(ImageReference.of("localhost/other:2")).orElseThrow().tags())
                .containsExactly("localhost/other:2");
    }

    @Test
    void aLoadThatMovesATagResolvesToTheNewImageAndLeavesTheOldOneDangling() throws Exception {
        Image old = load("v1", "one", "/bin/one");
        store.resolve(APP).orElseThrow();

        Image moved = load("v1", "two", "/bin/two");

        Image now = store.resolve(APP).orElseThrow();
        assertThat(now.manifest()).isEqualTo(moved.manifest()).isNotEqualTo(old.manifest());
        assertThat(now.config().cmd()).containsExactly("/bin/two");
        Image dangling = store.list().stream().filter(i -> i.id().equals(old.id())).findFirst().orElseThrow();
        assertThat(dangling.tags()).isEmpty();
    }

    @Test
    void rmiDropsTheCachedImageAndALoadAfterwardsParsesItAgainFromDisk() throws Exception {
        Image image = load("v1", "one", "/bin/one");
        store.resolve(APP).orElseThrow();

        store.untag(APP);
        assertThat(store.deleteIfUnused(image, Set.of())).isPresent();

        assertThat(store.cached(image.manifest())).isFalse();
        assertThat(store.blobs().has(image.manifest())).isFalse();
        assertThat(store.resolve(ImageReference.of("localhost/app@" + image.manifest()))).isEmpty();
        assertThat(store.findById(image.id().hex())).isEmpty();

        Image again = load("v1", "one", "/bin/one");
        assertThat(again.manifest()).isEqualTo(image.manifest());
        assertThat(store.resolve(APP).orElseThrow().config().cmd()).containsExactly("/bin/one");
        assertThat(store.layers().has(again.diffIds().get(0))).isTrue();
    }

    /** Lookups by name take no lock once the image is parsed; a tag moved meanwhile is never seen half moved. */
    @Test
    void lookupsWhileATagMovesSeeOneImageOrTheOtherWithTheirOwnNames() throws Exception {
        Image one = load("v1", "one", "/bin/one");
        Image two = load("v2", "two", "/bin/two");
        store.resolve(APP).orElseThrow();
        store.resolve(ImageReference.of("localhost/app:v2")).orElseThrow();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < 2_000; i++) {
                        Image found = store.resolve(APP).orElseThrow();
                        assertThat(found.tags()).contains("localhost/app:v1");
                        assertThat(found.config().cmd()).containsExactly(found.manifest().equals(one.manifest())
                                ? "/bin/one" : "/bin/two");
                        seen += found.manifest().equals(two.manifest()) ? 1 : 0;
                    }
                    return seen;
                }));
            }
            for (int i = 0; i < 200; i++) {
                store.register((i % 2 == 0 ? two : one).manifest(), APP);
            }
            for (var reader : readers) {
                assertThat(reader.get(60, java.util.concurrent.TimeUnit.SECONDS)).isBetween(0, 2_000);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.resolve(APP).orElseThrow().manifest()).isEqualTo(one.manifest());
    }

    @Test
    void aReopenedStoreReadsTheSameImagesFromDisk() throws Exception {
        Image image = load("v1", "one", "/bin/one");
        store.resolve(APP).orElseThrow();

        ImageStore reopened = new ImageStore(store.blobs(), store.layers(), dir.resolve("images.json"));

        assertThat(reopened.cached(image.manifest())).isFalse();
        assertThat(reopened.resolve(APP).orElseThrow()).isEqualTo(store.resolve(APP).orElseThrow());
    }
}
