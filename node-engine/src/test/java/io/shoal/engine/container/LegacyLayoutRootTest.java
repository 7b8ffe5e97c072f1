package io.shoal.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shoal.engine.Engine;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.content.Image;
import io.shoal.engine.host.OverlayRootfs;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.linux.MonitorBinary;
import io.shoal.engine.testing.RootEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Containers an engine of the earlier layout started (bundle in {@code containers/<id>/bundle}, runc's state in
 * {@code <root>/runc}) keep working under this one, and their next start moves them to the run tmpfs. They are
 * made here as that engine made them: its monitor, run with those paths, and the record saying running.
 */
@Tag("root")
class LegacyLayoutRootTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RootEngine fixture;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        fixture = RootEngine.start();
        root = fixture.root;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            assertThat(fixture.close()).as("runc containers, mounts and cgroups left behind").isEmpty();
        }
    }

    @Test
    void containersStartedTheOldWayAreAdoptedDrivenAndMovedAtTheirNextStart() throws Exception {
        Engine engine = fixture.engine;
        String sleeper = engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/sleep", "1000")), HostConfig.defaults()));
        String quitter = engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/sh", "-c", "echo ran; exit 5")), HostConfig.defaults()));
        Image image = engine.image("localhost/busybox").orElseThrow();
        List<Path> lowers = engine.imageStore().layers().lowerDirs(image.diffIds());
        engine.close(); // nothing runs: the tmpfs goes, as before an upgrade
        Path monitor = MonitorBinary.install(root.resolve("bin"));
        startTheOldWay(monitor, sleeper, lowers);
        startTheOldWay(monitor, quitter, lowers);
        awaitFile(root.resolve("exits").resolve(quitter));

        engine = fixture.engine = fixture.open();
        assertThat(engine.inspect(sleeper).state()).isEqualTo(State.RUNNING);
        assertThat(engine.waitFor(quitter).join()).as("an exit while no engine ran").isEqualTo(5);
        assertThat(engine.exec(sleeper, List.of("/bin/sh", "-c", "exit 7"), List.of()).exitCode()).isEqualTo(7);
        engine.pause(sleeper);
        assertThat(engine.inspect(sleeper).state()).isEqualTo(State.PAUSED);
        engine.unpause(sleeper);
        assertThat(engine.stop(sleeper, Duration.ofMillis(200))).as("sleep ignores SIGTERM").isEqualTo(137);

        engine.start(quitter); // its spec from the legacy bundle; from now on on the tmpfs
        assertThat(engine.waitFor(quitter).join()).isEqualTo(5);
        Path dir = root.resolve("containers").resolve(quitter);
        assertThat(dir.resolve("bundle")).doesNotExist();
        assertThat(dir.resolve("config.json")).isRegularFile();
        assertThat(root.resolve("run/bundles").resolve(quitter).resolve("config.json")).isRegularFile();
        assertThat(root.resolve("run/runc").resolve(quitter)).isDirectory();
        assertThat(root.resolve("runc").resolve(quitter)).doesNotExist();

        engine.remove(sleeper, false);
        engine.remove(quitter, false);
        assertThat(root.resolve("containers").resolve(sleeper)).doesNotExist();
        assertThat(root.resolve("runc").resolve(sleeper)).doesNotExist();
        assertThat(root.resolve("run/bundles").resolve(quitter)).doesNotExist();
    }

    /** What the earlier engine did at start: the bundle under the container's dir, runc's root in root/runc. */
    private void startTheOldWay(Path monitor, String id, List<Path> lowers) throws Exception {
        Path dir = root.resolve("containers").resolve(id);
        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle.resolve("rootfs"));
        Files.move(dir.resolve("config.json"), bundle.resolve("config.json"));
        Files.createDirectories(root.resolve("runc"));
        Path reply = dir.resolve("reply");
        OverlayRootfs rootfs = new OverlayRootfs(lowers, dir.resolve("upper"), dir.resolve("work"),
                bundle.resolve("rootfs"));
        // the monitor replies on fd 3: here a file, read once the reply is complete
        Process p = new ProcessBuilder("/bin/sh", "-c", "exec 3>\"$0\"; exec \"$@\"", reply.toString(),
                monitor.toString(), "--id", id, "--bundle", bundle.toString(), "--rootfs",
                rootfs.target().toString(), "--overlay", rootfs.mountData(), "--runc", "/usr/sbin/runc",
                "--runc-root", root.resolve("runc").toString(), "--log", dir.resolve("container.log").toString(),
                "--exit-file", root.resolve("exits").resolve(id).toString(), "--log-max", "1000000")
                .directory(bundle.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.to(bundle.resolve("monitor.err").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a hang guard
        while (!(Files.exists(reply) && Files.readString(reply).contains("}")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        JsonNode node = JSON.readTree(Files.readString(reply));
        assertThat(node.path("data").asLong()).as(Files.readString(bundle.resolve("monitor.err"))).isPositive();
        assertThat(node.path("monitor").asLong()).isEqualTo(p.pid());
        Path record = dir.resolve("container.json");
        ContainerRecord rec = JSON.readValue(record.toFile(), ContainerRecord.class);
        Files.write(record, JSON.writeValueAsBytes(rec.running(node.path("data").asLong(), p.pid(), Instant.now(),
                false)));
        Files.delete(reply);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a hang guard
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }
}
