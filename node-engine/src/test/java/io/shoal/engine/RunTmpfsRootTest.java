package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.State;
import io.shoal.engine.testing.RootEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine's runtime state on a tmpfs of its own: what is there, what survives a re-open, when it goes. */
@Tag("root")
class RunTmpfsRootTest {

    private RootEngine fixture;
    private Path root;
    private Path run;

    @BeforeEach
    void setUp() throws Exception {
        fixture = RootEngine.start();
        root = fixture.root;
        run = root.resolve("run");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            assertThat(fixture.close()).as("runc containers, mounts and cgroups left behind").isEmpty();
        }
    }

    /** The mountinfo lines of mounts at {@code dir}: mount options, then after " - ", type, source, super options. */
    private static List<String> mountsAt(Path dir) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.split(" ")[4].equals(dir.toString())).toList();
    }

    @Test
    void holdsBundlesAndRuncStateOutlivesAReopenAndGoesWithTheLastContainer() throws Exception {
        List<String> mounts = mountsAt(run);
        assertThat(mounts).hasSize(1);
        assertThat(mounts.get(0)).contains(" - tmpfs ").contains("mode=700");
        assertThat(mounts.get(0).split(" ")[5].split(",")).contains("nosuid", "nodev", "noexec");

        String id = fixture.run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
        Path bundle = run.resolve("bundles").resolve(id);
        assertThat(bundle.resolve("config.json")).isRegularFile();
        assertThat(bundle.resolve("pidfile")).isRegularFile();
        assertThat(bundle.resolve("rootfs")).isDirectory();
        assertThat(run.resolve("runc").resolve(id).resolve("state.json")).isRegularFile();
        Path dir = root.resolve("containers").resolve(id);
        assertThat(dir.resolve("config.json")).as("the spec stays on disk").isRegularFile();
        assertThat(dir.resolve("bundle")).doesNotExist();
        assertThat(root.resolve("runc")).as("no legacy runc root").doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run))).isEqualTo("rwx------");

        fixture.engine.close(); // as a daemon that stops: the container keeps running, so does the tmpfs
        assertThat(mountsAt(run)).hasSize(1);
        fixture.engine = fixture.open();
        assertThat(mountsAt(run)).as("reused, not mounted again").hasSize(1);
        assertThat(fixture.engine.inspect(id).state()).isEqualTo(State.RUNNING);
        assertThat(fixture.engine.stop(id, Duration.ofMillis(200))).as("sleep ignores SIGTERM").isEqualTo(137);
        assertThat(fixture.engine.inspect(id).exitCode()).isEqualTo(137);

        fixture.engine.start(id); // a second run gets its bundle again
        assertThat(bundle.resolve("config.json")).isRegularFile();
        fixture.engine.remove(id, true);
        assertThat(bundle).doesNotExist();
        assertThat(run.resolve("runc").resolve(id)).doesNotExist();

        fixture.engine.close();
        assertThat(mountsAt(run)).as("unmounted once nothing runs").isEmpty();
        assertThat(run).doesNotExist();
        fixture.engine = fixture.open(); // the fixture removes what is left through an open engine
        assertThat(mountsAt(run)).hasSize(1);
    }

    /**
     * A host that went down with the container running: its exit reached the disk (exits/), the tmpfs, runc's
     * state and the cgroups did not survive. (The monitor is left to write its exit file: killed here, it would
     * stay a zombie of this JVM, which no real reboot leaves, and look alive to the next engine.)
     */
    @Test
    void afterAHostRebootTheRecordIsSettledFromDiskAndTheContainerStartsAgain() throws Exception {
        String id = fixture.run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
        long pid = fixture.engine.inspect(id).pid();
        fixture.engine.close(); // the daemon goes down with the host...
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        h.destroyForcibly();
        h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS); // a hang guard
        Path exit = root.resolve("exits").resolve(id);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(exit) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // ...and with it the cgroups and the tmpfs
        try (var controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path c : controllers.toList()) {
                Files.deleteIfExists(c.resolve(fixture.cgroupParent.substring(1)).resolve(id));
            }
        }
        assertThat(new ProcessBuilder("umount", run.toString()).start().waitFor()).isZero();
        assertThat(mountsAt(run)).isEmpty();

        fixture.engine = fixture.open();
        assertThat(mountsAt(run)).hasSize(1);
        assertThat(run.resolve("runc").resolve(id)).doesNotExist();
        assertThat(fixture.engine.waitFor(id).join()).isEqualTo(137);
        assertThat(fixture.engine.inspect(id).state()).isEqualTo(State.EXITED);
        fixture.engine.start(id);
        assertThat(fixture.engine.inspect(id).state()).isEqualTo(State.RUNNING);
        assertThat(fixture.engine.stop(id, Duration.ofMillis(200))).isEqualTo(137);
    }

    @Test
    void anExitedContainerKeepsNoStateOnceTheTmpfsIsGoneAndStartsAgain() throws Exception {
        String id = fixture.run(List.of("/bin/sh", "-c", "exit 3"), HostConfig.defaults());
        assertThat(fixture.engine.waitFor(id).join()).isEqualTo(3);
        fixture.engine.close(); // nothing runs: its runc state (and cgroup) go, then the tmpfs
        assertThat(mountsAt(run)).isEmpty();
        fixture.engine = fixture.open();
        assertThat(fixture.engine.inspect(id).state()).isEqualTo(State.EXITED);
        fixture.engine.start(id);
        assertThat(fixture.engine.waitFor(id).join()).isEqualTo(3);
        assertThat(fixture.logLines(id)).isEmpty();
    }
}
