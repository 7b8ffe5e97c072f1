package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImagePrune;
import io.shoal.engine.content.ImageRemoval;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.testing.RootEngine;
import io.shoal.engine.testing.Tars;
import io.shoal.engine.testing.TestImages;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** save → rmi → load → run, image prune and containers made from an image id, on the real engine. */
@Tag("root")
class ImagesRootTest {

    private RootEngine fixture;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        fixture = RootEngine.start();
        engine = fixture.engine;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            assertThat(fixture.close()).as("runc containers, mounts and cgroups left behind").isEmpty();
        }
    }

    private String runToExit(String image, String... argv) throws Exception {
        String id = engine.create(ContainerRequest.of(image, ContainerConfig.of(List.of(argv)), HostConfig.defaults()));
        engine.start(id);
        assertThat(engine.waitFor(id).get()).isZero();
        return id;
    }

    @Test
    void aSavedImageLoadsBackAfterRmiAndRuns() throws Exception {
        Image busybox = engine.image("localhost/busybox").orElseThrow();
        Path archive = fixture.root.resolve("busybox.tar");
        try (OutputStream out = Files.newOutputStream(archive)) {
            engine.save(List.of("localhost/busybox:latest"), out);
        }
        assertThat(engine.removeImage("localhost/busybox", false)).isEqualTo(new ImageRemoval(
                List.of("localhost/busybox:latest"), List.of(busybox.id().toString())));
        assertThat(engine.images()).noneMatch(i -> i.id().equals(busybox.id()));

        List<Image> loaded;
        try (InputStream in = Files.newInputStream(archive)) {
            loaded = engine.loadDockerArchive(in);
        }
        assertThat(loaded).singleElement().satisfies(i -> {
            assertThat(i.id()).as("the same image id: config and diff ids unchanged").isEqualTo(busybox.id());
            assertThat(i.tags()).containsExactly("localhost/busybox:latest");
        });
        String id = runToExit("localhost/busybox", "/bin/sh", "-c", "echo back");
        assertThat(fixture.logLines(id)).containsExactly("stdout:back");
        engine.remove(id, false);
        assertThatThrownBy(() -> engine.save(List.of("localhost/nothing:1"), OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind())
                        .isEqualTo(EngineException.Kind.NOT_FOUND)).hasMessageContaining("No such image");
    }

    @Test
    void containersAreMadeFromAFullOrShortImageIdAndStartAgainAfterTheEngineReopens() throws Exception {
        Image busybox = engine.image("localhost/busybox").orElseThrow();
        String byFull = runToExit(busybox.id().toString(), "/bin/true");
        String byShort = runToExit(busybox.id().hex().substring(0, 12), "/bin/sh", "-c", "echo short");
        assertThat(engine.inspect(byShort).imageId()).isEqualTo(busybox.id().toString());
        assertThat(fixture.logLines(byShort)).containsExactly("stdout:short");
        assertThatThrownBy(() -> engine.create(ContainerRequest.of("0123456789ab", ContainerConfig.of(List.of("/bin/true")),
                HostConfig.defaults()))).isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind())
                .isEqualTo(EngineException.Kind.NOT_FOUND));

        engine.close();
        engine = fixture.open();
        fixture.engine = engine;
        engine.start(byShort);
        assertThat(engine.waitFor(byShort).get()).isZero();
        engine.remove(byFull, false);
        engine.remove(byShort, false);
    }

    @Test
    void pruneDeletesDanglingImagesAndWithAllEveryImageNoContainerUses() throws Exception {
        Path root = fixture.root;
        String busybox = engine.image("localhost/busybox").orElseThrow().id().toString();
        byte[] base = TestImages.busyboxLayer();
        TestImages.writeLayout(root.resolve("old"), "1", List.of(base,
                new Tars().dir("v", 0755).file("v/old", 0644, "old").bytes()), List.of("/bin/true"));
        TestImages.writeLayout(root.resolve("new"), "1", List.of(base,
                new Tars().dir("v", 0755).file("v/new", 0644, "new").bytes()), List.of("/bin/true"));
        Image old = engine.loadOciLayout(root.resolve("old"), "localhost/app").get(0);
        Image current = engine.loadOciLayout(root.resolve("new"), "localhost/app").get(0);
        assertThat(engine.image(old.id().toString())).as("the moved tag left it dangling")
                .hasValueSatisfying(i -> assertThat(i.tags()).isEmpty());

        ImagePrune dangling = engine.pruneImages(false, i -> true);
        assertThat(dangling.removed()).containsExactly(new ImageRemoval(List.of(), List.of(old.id().toString())));
        assertThat(dangling.spaceReclaimed()).isPositive();
        assertThat(engine.imageStore().layers().has(old.diffIds().get(1))).isFalse();
        assertThat(engine.imageStore().layers().has(old.diffIds().get(0))).as("the base layer is shared").isTrue();

        String user = engine.create(ContainerRequest.of("localhost/app:1", ContainerConfig.of(List.of("/bin/true")),
                HostConfig.defaults()));
        Image kept = engine.image("localhost/busybox:vol").orElseThrow();
        assertThat(engine.pruneImages(true, i -> !i.equals(kept)).removed())
                .as("busybox goes; app:1 has a container, the filter keeps busybox:vol").containsExactly(
                        new ImageRemoval(List.of("localhost/busybox:latest"), List.of(busybox)));
        assertThat(engine.images()).extracting(Image::id).containsExactlyInAnyOrder(current.id(), kept.id());
        engine.remove(user, false);
        ImagePrune all = engine.pruneImages(true, i -> !i.equals(kept));
        assertThat(all.removed()).containsExactly(new ImageRemoval(List.of("localhost/app:1"),
                List.of(current.id().toString())));
        engine.pruneImages(true, i -> true);
        assertThat(engine.images()).isEmpty();
        assertThat(engine.imageStore().layers().has(current.diffIds().get(0))).isFalse();
    }
}
