package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.content.BlobStore;
import io.shoal.engine.content.Digest;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageLoader;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.fake.FakeFileAttributes;
import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.layer.LayerStore;
import io.shoal.engine.layer.Unpacker;
import io.shoal.engine.testing.Tars;
import io.shoal.engine.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull and push against Debian's real docker-registry, seeded by umoci + skopeo, and checked back with skopeo:
 * neither the registry nor the images nor the witness is Shoal's code.
 */
class RegistryPullPushTest {

    @TempDir
    static Path shared;
    static LocalRegistry registry;
    static SeededImages images;

    @TempDir
    Path dir;
    ImageStore store;
    Registries registries;
    List<Progress> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        images = SeededImages.build(shared.resolve("build"));
        registry = LocalRegistry.start(shared.resolve("registry"));
        images.push("base", registry, "test/busybox:v1", null);
        images.push("big", registry, "test/big:v1", null);
        images.push("base", registry, "test/docker:v1", "v2s2");
        images.push("multi", registry, "test/multi:v1", null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        store = newStore(dir.resolve("store"));
        registries = new Registries(RegistrySettings.defaults());
    }

    static ImageStore newStore(Path root) throws Exception {
        return new ImageStore(new BlobStore(root.resolve("blobs")),
                new LayerStore(root.resolve("layers"), new Unpacker(new FakeFileAttributes())), root.resolve("names.json"));
    }

    private ImageReference ref(String rest) {
        return ImageReference.of(registry.domain() + "/" + rest);
    }

    @Test
    void pullByTagStoresVerifiedBlobsUnpacksLayersAndNamesTheImage() throws Exception {
        PullResult result = new ImagePuller(store, registries).pull(ref("test/busybox:v1"), AuthConfig.anonymous(),
                events::add);

        Image image = result.image();
        assertThat(result.downloaded()).isTrue();
        assertThat(image.manifest()).isEqualTo(images.manifest("base"));
        assertThat(result.digest()).isEqualTo(images.manifest("base"));
        assertThat(image.tags()).containsExactly(registry.domain() + "/test/busybox:v1");
        assertThat(image.config().cmd()).containsExactly("/bin/sh");
        Path lower = store.layers().dir(image.diffIds().get(0));
        assertThat(lower.resolve("hello.txt")).hasContent("hello from umoci\n");
        assertThat(Files.size(lower.resolve("bin/busybox"))).isEqualTo(Files.size(Path.of("/bin/busybox")));
        assertThat(store.resolve(ref("test/busybox:v1"))).contains(image);
        String layer = Progress.shortId(image.layers().get(0).digest());
        assertThat(events).filteredOn(p -> p.id().equals(layer)).extracting(Progress::status)
                .startsWith(Progress.Status.PULLING_FS_LAYER, Progress.Status.DOWNLOADING)
                .endsWith(Progress.Status.VERIFYING_CHECKSUM, Progress.Status.DOWNLOAD_COMPLETE,
                        Progress.Status.PULL_COMPLETE);
        Progress last = events.stream().filter(p -> p.status() == Progress.Status.DOWNLOADING)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.current()).isEqualTo(last.total()).isEqualTo(image.layers().get(0).size());

        PullResult again = new ImagePuller(store, registries).pull(ref("test/busybox:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE);
        assertThat(again.downloaded()).isFalse();
        assertThat(result.status("bb:v1")).isEqualTo("Downloaded newer image for bb:v1");
        assertThat(again.status("bb:v1")).isEqualTo("Image is up to date for bb:v1");
    }

    @Test
    void pullByDigestNamesTheImageByThatDigest() throws Exception {
        Digest manifest = images.manifest("base");
        ImageReference byDigest = ref("test/busybox@" + manifest);

        Image image = new ImagePuller(store, registries).pull(byDigest, AuthConfig.anonymous(),
                ProgressListener.NONE).image();

        assertThat(image.manifest()).isEqualTo(manifest);
        assertThat(store.resolve(byDigest)).contains(image);
        assertThat(store.resolve(ref("test/busybox:v1"))).isEmpty();
    }

    @Test
    void pullsADockerSchema2ManifestAsSkopeoConvertedIt() throws Exception {
        Image image = new ImagePuller(store, registries).pull(ref("test/docker:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE).image();

        String manifest = new String(store.blobs().read(image.manifest()));
        assertThat(manifest).contains("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(store.layers().dir(image.diffIds().get(0)).resolve("hello.txt")).hasContent("hello from umoci\n");
    }

    @Test
    void pullOfAnIndexPicksTheConfiguredPlatform() throws Exception {
        PullResult amd64 = new ImagePuller(store, registries).pull(ref("test/multi:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE);
        assertThat(amd64.image().manifest()).isEqualTo(images.manifest("base"));
        assertThat(amd64.digest()).isEqualTo(images.manifest("multi"));

        var arm = new Registries(RegistrySettings.defaults().withPlatform(
                new Descriptor.PlatformSpec("linux", "arm64", null)));
        ImageStore other = newStore(dir.resolve("other"));
        Image arm64 = new ImagePuller(other, arm).pull(ref("test/multi:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE).image();
        assertThat(arm64.manifest()).isEqualTo(images.manifest("arm"));
        assertThat(arm64.config().cmd()).containsExactly("/bin/echo");

        var s390 = new Registries(RegistrySettings.defaults().withPlatform(
                new Descriptor.PlatformSpec("linux", "s390x", null)));
        ImageStore none = newStore(dir.resolve("none"));
        assertThatThrownBy(() -> new ImagePuller(none, s390).pull(ref("test/multi:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("no matching manifest for linux/s390x")
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
        assertThat(blobs(dir.resolve("none"))).isEmpty();
    }

    /** The store keeps parsed images in memory: a pull that moves a name, or brings a deleted image back, shows at once. */
    @Test
    void aPullThatMovesANameOrBringsBackADeletedImageResolvesToItAtOnce() throws Exception {
        ImagePuller puller = new ImagePuller(store, registries);
        Image big = puller.pull(ref("test/big:v1"), AuthConfig.anonymous(), ProgressListener.NONE).image();
        store.register(big.manifest(), ref("test/busybox:v1")); // a local tag the next pull moves
        assertThat(store.resolve(ref("test/busybox:v1")).orElseThrow().manifest()).isEqualTo(big.manifest());

        Image base = puller.pull(ref("test/busybox:v1"), AuthConfig.anonymous(), ProgressListener.NONE).image();

        Image resolved = store.resolve(ref("test/busybox:v1")).orElseThrow();
        assertThat(resolved.manifest()).isEqualTo(images.manifest("base")).isEqualTo(base.manifest());
        assertThat(resolved.config().cmd()).containsExactly("/bin/sh");
        assertThat(store.resolve(ref("test/big:v1")).orElseThrow().tags()).containsExactly(registry.domain() + "/test/big:v1");

        store.untag(ref("test/busybox:v1"));
        assertThat(store.deleteIfUnused(base, java.util.Set.of())).isPresent();
        assertThat(store.resolve(ref("test/busybox@" + base.manifest()))).isEmpty();

        puller.pull(ref("test/busybox:v1"), AuthConfig.anonymous(), ProgressListener.NONE);
        Image back = store.resolve(ref("test/busybox:v1")).orElseThrow();
        assertThat(back.manifest()).isEqualTo(base.manifest());
        assertThat(store.layers().has(back.diffIds().get(0))).isTrue();
    }

    @Test
    void layersAlreadyInTheStoreAreNotDownloadedAgain() throws Exception {
        ImagePuller puller = new ImagePuller(store, registries);
        Image base = puller.pull(ref("test/busybox:v1"), AuthConfig.anonymous(), ProgressListener.NONE).image();
        String baseLayer = base.layers().get(0).digest();
        long getsBefore = blobGets(baseLayer);

        Image big = puller.pull(ref("test/big:v1"), AuthConfig.anonymous(), events::add).image();

        assertThat(big.layers()).hasSize(2);
        assertThat(big.layers().get(0).digest()).isEqualTo(baseLayer);
        assertThat(events).filteredOn(p -> p.id().equals(Progress.shortId(baseLayer))).extracting(Progress::status)
                .contains(Progress.Status.ALREADY_EXISTS).doesNotContain(Progress.Status.DOWNLOADING);
        assertThat(blobGets(baseLayer)).as("registry log: GETs of the shared layer").isEqualTo(getsBefore);
        assertThat(store.layers().dir(big.diffIds().get(1)).resolve("data/random.bin"))
                .hasSameBinaryContentAs(images.randomFile);
    }

    @Test
    void pushedImageIsPulledBackBySkopeoWithTheSameDigest() throws Exception {
        byte[] layer = new Tars().file("pushed.txt", 0644, "pushed by shoal\n").file("noise.bin", 0644,
                noise(3 << 20)).bytes();
        Path layout = dir.resolve("layout");
        TestImages.writeLayout(layout, "v1", List.of(layer), List.of("/bin/sh"));
        Image local = new ImageLoader(store).loadOciLayout(layout, ref("pushed/mono").name()).get(0);

        PushResult result = new ImagePusher(store, registries).push(ref("pushed/mono:v1"), AuthConfig.anonymous(),
                events::add);

        assertThat(result.digest()).isEqualTo(local.manifest());
        assertThat(result.message()).isEqualTo("v1: digest: " + local.manifest() + " size: "
                + store.blobs().read(local.manifest()).length);
        assertThat(events).extracting(Progress::status).contains(Progress.Status.PREPARING, Progress.Status.PUSHING,
                Progress.Status.PUSHED);
        assertSkopeoReadsBack("pushed/mono:v1", local, "pushed.txt", "pushed by shoal\n");
    }

    @Test
    void largeBlobsArePushedInPatchChunks() throws Exception {
        byte[] layer = new Tars().file("chunked.txt", 0644, "in chunks\n").file("noise.bin", 0644, noise(1 << 20))
                .bytes();
        Path layout = dir.resolve("layout");
        TestImages.writeLayout(layout, "v1", List.of(layer), List.of("/bin/sh"));
        Image local = new ImageLoader(store).loadOciLayout(layout, ref("pushed/chunked").name()).get(0);
        var chunky = new Registries(RegistrySettings.defaults().withUploads(64 << 10, 256 << 10));

        new ImagePusher(store, chunky).push(ref("pushed/chunked:v1"), AuthConfig.anonymous(), events::add);

        assertThat(registry.log()).contains("\"PATCH /v2/pushed/chunked/blobs/uploads/");
        assertSkopeoReadsBack("pushed/chunked:v1", local, "chunked.txt", "in chunks\n");
    }

    @Test
    void tagThenPushMountsLayersFromTheRepositoryTheyCameFrom() throws Exception {
        Image pulled = new ImagePuller(store, registries).pull(ref("test/busybox:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE).image();
        store.register(pulled.manifest(), ref("copies/busybox:v2"));

        new ImagePusher(store, registries).push(ref("copies/busybox:v2"), AuthConfig.anonymous(), events::add);

        assertThat(events).filteredOn(p -> p.status() == Progress.Status.MOUNTED_FROM).extracting(Progress::message)
                .containsExactly("Mounted from test/busybox");
        assertSkopeoReadsBack("copies/busybox:v2", pulled, "hello.txt", "hello from umoci\n");

        events.clear();
        new ImagePusher(store, registries).push(ref("copies/busybox:v2"), AuthConfig.anonymous(), events::add);
        assertThat(events).filteredOn(p -> p.status() == Progress.Status.LAYER_ALREADY_EXISTS).hasSize(1);
    }

    @Test
    void unknownImageIsNotFoundAndLeavesNothingBehind() throws Exception {
        ImagePuller puller = new ImagePuller(store, registries);

        assertThatThrownBy(() -> puller.pull(ref("test/busybox:nope"), AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("manifest for " + registry.domain() + "/test/busybox:nope not found: "
                        + "manifest unknown: manifest unknown")
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> puller.pull(ref("test/never-pushed:v1"), AuthConfig.anonymous(),
                ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("test/never-pushed:v1 not found: manifest unknown")
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> new ImagePusher(store, registries).push(ref("test/absent:v1"),
                AuthConfig.anonymous(), ProgressListener.NONE))
                .hasMessage("An image does not exist locally with the tag: " + registry.domain() + "/test/absent:v1");
        assertThat(blobs(dir.resolve("store"))).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void badReferenceIsInvalidBeforeAnyRequest() {
        ImagePuller puller = new ImagePuller(store, registries);

        assertThatThrownBy(() -> puller.pull(registry.domain() + "/Test/BusyBox:v1", AuthConfig.anonymous(),
                ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("repository name must be lowercase")
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.INVALID));
        assertThatThrownBy(() -> puller.pull("busybox:bad tag!", AuthConfig.anonymous(), ProgressListener.NONE))
                .hasMessageContaining("invalid reference format");
    }

    private void assertSkopeoReadsBack(String repoTag, Image expected, String file, String content) throws Exception {
        Path out = dir.resolve("skopeo-" + repoTag.replace('/', '-').replace(':', '-'));
        DebianTools.run(dir, "skopeo", "copy", "--src-tls-verify=false", "--preserve-digests",
                "docker://" + registry.domain() + "/" + repoTag, "oci:" + out + ":back");
        String index = Files.readString(out.resolve("index.json"));
        assertThat(index).contains(expected.manifest().toString());
        DebianTools.run(dir, "umoci", "unpack", "--rootless", "--image", out + ":back", "unpacked-" + out.getFileName());
        assertThat(dir.resolve("unpacked-" + out.getFileName()).resolve("rootfs").resolve(file)).hasContent(content);
    }

    private long blobGets(String digest) throws Exception {
        return registry.log().lines().filter(l -> l.contains("\"GET /v2/") && l.contains("/blobs/" + digest)).count();
    }

    private static List<Path> blobs(Path storeRoot) throws Exception {
        List<Path> out = new ArrayList<>();
        Path dir = storeRoot.resolve("blobs/sha256");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(out::add);
            }
        }
        return out;
    }

    private static byte[] noise(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
