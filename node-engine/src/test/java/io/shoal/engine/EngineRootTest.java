package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.container.State;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.content.Digest;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageRemoval;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.testing.RootEngine;
import io.shoal.engine.testing.Tars;
import io.shoal.engine.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine for real: runc under shoal-monitor, overlayfs, cgroups. Everything created is removed after each test. */
@Tag("root")
class EngineRootTest {

    private RootEngine fixture;
    private Path root;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        fixture = RootEngine.start();
        root = fixture.root;
        engine = fixture.engine;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            fixture.engine = engine;
            assertThat(fixture.close()).as("runc containers, mounts and cgroups left behind").isEmpty();
        }
    }

    private Engine open() throws IOException {
        return fixture.open();
    }

    private String run(List<String> cmd, HostConfig host) {
        fixture.engine = engine;
        return fixture.run(cmd, host);
    }

    /** Until the container has logged a line, for at most 60 s (a hang guard). */
    private void awaitLogLine(String id) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (logLines(id).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Until process {@code pid} catches signal {@code signo} (its SigCgt mask in /proc), for at most 60 s. */
    private static void awaitHandler(long pid, int signo) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("SigCgt:") && (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (signo - 1))) != 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("reading /proc/" + pid + "/status: " + e, e);
            }
        }
        throw new AssertionError("process " + pid + " installed no handler for signal " + signo + " within 60 s");
    }

    private List<String> logLines(String id) {
        fixture.engine = engine;
        return fixture.logLines(id);
    }

    /** The overlay's lower dirs, from the mount table of the container itself (its root is the overlay). */
    private String lowerDirs(String id) throws IOException {
        long pid = engine.inspect(id).run().pid();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/mountinfo"))) {
            String[] f = line.split(" ");
            String[] after = line.substring(line.indexOf(" - ") + 3).split(" ");
            if (f[4].equals("/") && after[0].equals("overlay")) {
                for (String opt : after[2].split(",")) {
                    if (opt.startsWith("lowerdir=")) {
                        return opt.substring("lowerdir=".length());
                    }
                }
            }
        }
        return "";
    }

    @Test
    void tagAndRemoveImagesRefusedWhileUsed() throws IOException {
        engine.tagImage("localhost/busybox", "localhost/other:v1");
        assertThat(engine.image("localhost/other:v1")).isPresent();
        String id = engine.create(ContainerRequest.of("localhost/other:v1", ContainerConfig.of(List.of("/bin/true")),
                HostConfig.defaults()));
        assertThat(engine.removeImage("localhost/busybox", false)).as("other:v1 still names the image")
                .isEqualTo(new ImageRemoval(List.of("localhost/busybox:latest"), List.of()));
        assertThatThrownBy(() -> engine.removeImage("localhost/other:v1", false)).as("its last name")
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind())
                        .isEqualTo(EngineException.Kind.CONFLICT)).hasMessageContaining(id.substring(0, 12));
        engine.tagImage("localhost/other:v1", "localhost/busybox");
        assertThat(engine.removeImage("localhost/other:v1", true))
                .isEqualTo(new ImageRemoval(List.of("localhost/other:v1"), List.of()));
        assertThat(engine.image("localhost/other:v1")).isEmpty();
        assertThat(engine.image("localhost/busybox")).isPresent();
        assertThatThrownBy(() -> engine.image("Bad:Ref!")).isInstanceOf(EngineException.class);
    }

    @Test
    void imagesAreFoundAndRemovedByIdAsDockerdDoes() throws Exception {
        Image busybox = engine.image("localhost/busybox").orElseThrow();
        String shortId = busybox.id().hex().substring(0, 12);
        assertThat(engine.image(shortId)).contains(busybox);
        assertThat(engine.image(busybox.id().toString())).contains(busybox);
        assertThat(engine.image("0123456789ab")).isEmpty();
        engine.tagImage(shortId, "localhost/by-id:1");
        assertThatThrownBy(() -> engine.removeImage(shortId, false)).hasMessageContaining(
                "unable to delete " + shortId + " (must be forced) - image is referenced in multiple repositories");
        String id = engine.create(ContainerRequest.of("localhost/by-id:1", ContainerConfig.of(List.of("/bin/sleep", "60")),
                HostConfig.defaults()));
        engine.start(id);
        assertThatThrownBy(() -> engine.removeImage(shortId, true))
                .hasMessageContaining("(cannot be forced) - image is being used by running container " + id.substring(0, 12));
        engine.stop(id, Duration.ofSeconds(5));
        assertThat(engine.removeImage(shortId, true)).as("names go, the stopped container keeps the image")
                .isEqualTo(new ImageRemoval(List.of("localhost/busybox:latest", "localhost/by-id:1"), List.of()));
        assertThat(engine.image(shortId)).as("no name: listed as dangling, as dockerd's <none>")
                .hasValueSatisfying(i -> assertThat(i.tags()).isEmpty());
        assertThat(engine.imageStore().layers().has(busybox.diffIds().get(0))).isTrue();
        engine.remove(id, false);
    }

    @Test
    void removingTheLastNameOfAnUnusedImageDeletesItsBlobsAndTheLayersNoOtherImageHas() throws Exception {
        byte[] base = TestImages.busyboxLayer();
        byte[] top = new Tars().dir("data", 0755).file("data/only-in-two", 0644, "two").bytes();
        TestImages.writeLayout(root.resolve("two"), "1", List.of(base, top), List.of("/bin/true"));
        TestImages.writeLayout(root.resolve("three"), "1", List.of(base), List.of("/bin/true"));
        Image two = engine.loadOciLayout(root.resolve("two"), "localhost/two").get(0);
        engine.loadOciLayout(root.resolve("three"), "localhost/three");
        engine.tagImage("localhost/two:1", "localhost/two:2");
        ImageStore store = engine.imageStore();
        Digest baseLayer = two.diffIds().get(0);
        Digest topLayer = two.diffIds().get(1);

        assertThat(engine.removeImage("localhost/two:1", false))
                .as("another name holds it").isEqualTo(new ImageRemoval(List.of("localhost/two:1"), List.of()));
        String id = engine.create(ContainerRequest.of("localhost/two:2", ContainerConfig.of(List.of("/bin/true")),
                HostConfig.defaults()));
        assertThat(engine.removeImage("localhost/two:2", true))
                .as("a container holds it").isEqualTo(new ImageRemoval(List.of("localhost/two:2"), List.of()));
        assertThat(store.layers().has(topLayer)).isTrue();
        assertThat(store.blobs().has(two.manifest())).isTrue();
        engine.remove(id, true);

        engine.tagImage(two.manifest().toString().replace("sha256:", "localhost/two@sha256:"), "localhost/two:3");
        assertThat(engine.removeImage("localhost/two:3", false)).isEqualTo(
                new ImageRemoval(List.of("localhost/two:3"), List.of(two.id().toString())));
        assertThat(engine.image("localhost/two:3")).isEmpty();
        assertThat(store.blobs().has(two.manifest())).isFalse();
        assertThat(store.blobs().has(two.id())).isFalse();
        assertThat(store.layers().has(topLayer)).as("only two had it").isFalse();
        assertThat(store.blobs().has(Digest.parse(two.layers().get(1).digest()))).isFalse();
        assertThat(store.layers().has(baseLayer)).as("three still has it").isTrue();
        assertThat(store.blobs().has(Digest.parse(two.layers().get(0).digest()))).isTrue();
        String survivor = engine.create(ContainerRequest.of("localhost/three:1", ContainerConfig.of(List.of("/bin/true")),
                HostConfig.defaults()));
        engine.start(survivor);
        assertThat(engine.waitFor(survivor).get()).as("three still runs on the shared layer").isZero();
        engine.remove(survivor, false);
    }

    @Test
    void concurrentCreationsOfOneNameGiveExactlyOneContainer() throws Exception {
        ContainerRequest request = ContainerRequest.of("localhost/busybox", ContainerConfig.of(List.of("/bin/true")),
                HostConfig.defaults()).withName("same");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tries.add(pool.submit(() -> engine.create(request)));
            }
            List<String> made = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (var f : tries) {
                try {
                    made.add(f.get());
                } catch (ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(made).hasSize(1);
            assertThat(refused).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineException.class,
                    x -> assertThat(x.kind()).isEqualTo(EngineException.Kind.CONFLICT)).hasMessageContaining("\"/same\" is already in use"));
            assertThat(engine.list(true)).extracting(ContainerRecord::name).containsExactly("same");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsToCompletionWithExitCodeAndLogs() {
        String id = run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 7"), HostConfig.defaults());
        assertThat(engine.waitFor(id).join()).isEqualTo(7);
        assertThat(engine.inspect(id).state()).isEqualTo(State.EXITED);
        assertThat(logLines(id)).containsExactly("stdout:out", "stderr:err");
        List<LogEntry> entries = new ArrayList<>();
        engine.logs(id, true, entries::add);
        assertThat(entries.get(0).toDockerJson()).startsWith("{\"log\":\"out\\n\",\"stream\":\"stdout\",\"time\":\"");
    }

    @Test
    void isolatesPidHostnameAndMounts() {
        String id = run(List.of("/bin/sh", "-c", "echo pid=$$; hostname; cat /proc/mounts"),
                HostConfig.defaults());
        engine.waitFor(id).join();
        List<String> lines = logLines(id);
        assertThat(lines.get(0)).isEqualTo("stdout:pid=1");
        assertThat(lines.get(1)).isEqualTo("stdout:" + id.substring(0, 12));
        assertThat(lines.get(2)).startsWith("stdout:overlay / overlay");
        assertThat(lines).noneMatch(l -> l.contains(" /tmp") || l.contains("ext4"));
    }

    @Test
    void aReadOnlyRootfsRefusesWrites() {
        String id = run(List.of("/bin/touch", "/x"), HostConfig.defaults().withReadonlyRootfs(true));
        assertThat(engine.waitFor(id).join()).isNotZero();
        assertThat(String.join("\n", logLines(id))).contains("Read-only file system");
    }

    @Test
    void aMemoryLimitKillsTheProcessThatExceedsIt() {
        String id = run(List.of("/bin/sh", "-c", "x=$(yes | head -c 100000000); echo survived"),
                HostConfig.defaults().withMemory(16L << 20));
        int code = engine.waitFor(id).join();
        assertThat(logLines(id)).doesNotContain("stdout:survived");
        assertThat(code).isNotZero();
        assertThat(engine.inspect(id).oomKilled()).as("reported as OOM").isTrue();
    }

    @Test
    void aPidsLimitStopsForks() {
        String id = run(List.of("/bin/sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do sleep 5 & done; wait"),
                HostConfig.defaults().withPidsLimit(4));
        engine.waitFor(id).join();
        assertThat(String.join("\n", logLines(id))).contains("can't fork");
    }

    @Test
    void twoContainersShareLowersButNotWrites() throws IOException {
        String a = run(List.of("/bin/sh", "-c", "echo a > /etc/passwd; cat /etc/passwd; exec sleep 1000"),
                HostConfig.defaults());
        String b = run(List.of("/bin/sh", "-c", "cat /etc/passwd; exec sleep 1000"), HostConfig.defaults());
        awaitLogLine(a);
        awaitLogLine(b);
        assertThat(logLines(a)).containsExactly("stdout:a");
        assertThat(logLines(b).get(0)).startsWith("stdout:root:x:0:0");
        assertThat(Files.readString(root.resolve("containers").resolve(a).resolve("upper/etc/passwd"))).isEqualTo("a\n");
        String lowers = lowerDirs(a);
        assertThat(lowers).isNotEmpty().isEqualTo(lowerDirs(b));
        // the host's own mount table holds no container rootfs: the monitor mounted it in a namespace of its own,
        // went back to the host's once runc had started the container, and that namespace is gone with its mounts
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(root.resolve("containers").toString());
        for (String c : List.of(a, b)) {
            Path monitorNs = Path.of("/proc/" + engine.inspect(c).run().monitorPid() + "/ns/mnt");
            assertThat(Files.readSymbolicLink(monitorNs)).isEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")));
        }
        engine.kill(a, "KILL");
        engine.kill(b, "KILL");
        for (String lower : lowers.split(":")) {
            Path passwd = Path.of(lower).resolve("etc/passwd");
            if (Files.exists(passwd)) {
                assertThat(Files.readString(passwd)).as("the image's layer").startsWith("root:x:0:0");
            }
        }
    }

    @Test
    void stopSignalsThenKillsAndExecRunsInside() {
        String id = run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
        var exec = engine.exec(id, List.of("/bin/sh", "-c", "echo in; exit 3"), List.of());
        assertThat(exec.exitCode()).isEqualTo(3);
        assertThat(exec.stdout()).isEqualTo("in\n");
        // sleep as pid 1 ignores SIGTERM: the stop must escalate to SIGKILL
        int code = engine.stop(id, Duration.ofMillis(300));
        assertThat(code).isEqualTo(137);
        assertThat(engine.inspect(id).state()).isEqualTo(State.EXITED);
    }

    @Test
    void stopAndRemoveStillEndContainersWhoseRuncStateIsGone() throws IOException {
        String stopped = run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
        String removed = run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
        long removedPid = engine.inspect(removed).pid();
        // as if runc's tmpfs had been cleared by hand: runc no longer knows either, their monitors and inits run on
        List<Path> cgroups = new ArrayList<>();
        for (String id : List.of(stopped, removed)) {
            Path state = Engine.Settings.defaults(root).runcRoot().resolve(id);
            new ObjectMapper().readTree(state.resolve("state.json").toFile()).path("cgroup_paths")
                    .forEach(p -> cgroups.add(Path.of(p.asText())));
            try (var walk = Files.walk(state)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try {
            assertThat(engine.stop(stopped, Duration.ofMillis(300))).isEqualTo(137);
            assertThat(engine.inspect(stopped).state()).isEqualTo(State.EXITED);
            engine.remove(removed, true);
            assertThat(engine.list(true)).extracting(ContainerRecord::id).doesNotContain(removed);
            assertThat(ProcessHandle.of(removedPid).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            for (Path cgroup : cgroups) { // runc, which would have removed them, knows nothing of them any more
                Files.deleteIfExists(cgroup);
            }
        }
    }

    @Test
    void containersOutliveTheEngineAndAreReadopted() throws IOException {
        String running = run(List.of("/bin/sh", "-c",
                "echo started; while [ ! -f /go ]; do sleep 0.05; done; echo after; exit 4"), HostConfig.defaults());
        String ending = run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
        long endingPid = engine.inspect(ending).pid();
        engine.close(); // the engine lets go as a killed daemon would; the monitors keep running
        engine = null;
        // while no engine runs, one container dies
        ProcessHandle handle = ProcessHandle.of(endingPid).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
        engine = open();
        assertThat(engine.waitFor(ending).join()).as("exit code of a container that died meanwhile").isEqualTo(137);
        assertThat(engine.inspect(running).state()).isEqualTo(State.RUNNING);
        assertThat(engine.exec(running, List.of("/bin/touch", "/go"), List.of()).exitCode()).isZero();
        assertThat(engine.waitFor(running).join()).isEqualTo(4);
        assertThat(logLines(running)).containsExactly("stdout:started", "stdout:after");
    }

    @Test
    void pauseUnpauseRestartAndKill() {
        String id = run(List.of("/bin/sh", "-c", "trap 'exit 9' USR1; echo up; while true; do sleep 0.05; done"),
                HostConfig.defaults());
        engine.pause(id);
        assertThat(engine.inspect(id).state()).isEqualTo(State.PAUSED);
        assertThatThrownBy(() -> engine.pause(id)).hasMessageContaining("already paused");
        engine.unpause(id);
        assertThat(engine.inspect(id).state()).isEqualTo(State.RUNNING);
        long firstPid = engine.inspect(id).pid();
        engine.restart(id, Duration.ofSeconds(5));
        ContainerRecord restarted = engine.inspect(id);
        assertThat(restarted.state()).isEqualTo(State.RUNNING);
        assertThat(restarted.run().restartCount()).isEqualTo(1);
        assertThat(restarted.pid()).isNotEqualTo(firstPid);
        // The container's sh is its pid 1, which the kernel spares a signal it has no handler for: wait for the trap.
        awaitHandler(restarted.pid(), 10);
        engine.kill(id, "USR1");
        assertThat(engine.waitFor(id).join()).isEqualTo(9);
        assertThatThrownBy(() -> engine.kill(id, "KILL")).hasMessageContaining("is not running");
        assertThatThrownBy(() -> engine.pause(id)).isInstanceOf(EngineException.class);
    }

    @Test
    void namedVolumesKeepDataAcrossContainers() {
        ContainerRequest write = ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/sh", "-c", "echo kept > /data/f")), HostConfig.defaults())
                .withVolumes(Map.of("vol1", "/data"));
        String a = engine.create(write);
        engine.start(a);
        engine.waitFor(a).join();
        assertThatThrownBy(() -> engine.removeVolume("vol1", false)).hasMessageContaining("in use");
        engine.remove(a, false);
        String b = engine.create(write.withVolumes(Map.of("vol1", "/data"))
                .withName("reader"));
        engine.remove(b, false);
        String c = engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/cat", "/data/f")), HostConfig.defaults())
                .withVolumes(Map.of("vol1", "/data")));
        engine.start(c);
        engine.waitFor(c).join();
        assertThat(logLines(c)).containsExactly("stdout:kept");
        engine.remove(c, false);
        engine.removeVolume("vol1", false);
    }

    @Test
    void aStartThatRuncRefusesFailsWithRuncsReasonAndLeavesNoMonitor() {
        String id = engine.create(ContainerRequest.of("localhost/busybox", ContainerConfig.of(List.of("/nosuch")),
                HostConfig.defaults()));
        assertThatThrownBy(() -> engine.start(id)).isInstanceOf(EngineException.class)
                .hasMessageContaining("/nosuch").hasMessageContaining("no such file or directory");
        assertThat(engine.inspect(id).state()).isNotEqualTo(State.RUNNING);
        // the monitor replies, then exits: it must not stay (60 s is a hang guard, not a measurement)
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(id)).forEach(p ->
                assertThat(p.onExit()).as("monitor %d left behind for the failed start", p.pid())
                        .succeedsWithin(Duration.ofSeconds(60)));
        engine.remove(id, true);
    }

    @Test
    void badInputIsRefusedAndLeavesNothing() throws IOException {
        assertThatThrownBy(() -> engine.create(ContainerRequest.of("nosuch", ContainerConfig.of(List.of("x")),
                HostConfig.defaults()))).hasMessageContaining("No such image");
        assertThatThrownBy(() -> engine.create(ContainerRequest.of("Bad:Ref!", ContainerConfig.of(List.of("x")),
                HostConfig.defaults()))).hasMessageContaining("invalid reference format");
        assertThatThrownBy(() -> engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("x")), HostConfig.defaults()).withName("a;rm -rf /")))
                .hasMessageContaining("Invalid container name");
        assertThatThrownBy(() -> engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("x")), HostConfig.defaults().withMemory(1000)))).hasMessageContaining("6MB");
        assertThatThrownBy(() -> engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("x")), HostConfig.defaults()
                        .withBinds(List.of(new HostConfig.Bind("/etc/../root", "/x", true))))))
                .hasMessageContaining("invalid mount");
        try (var dirs = Files.list(root.resolve("containers"))) {
            assertThat(dirs).isEmpty();
        }
    }
}
