package io.shoal.engine.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorSpawnTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void replyComesOnFdThreeFromAProcessThatKeepsItOpen(@TempDir Path dir) throws IOException {
        // like a monitor: one reply, the pipe stays open (the sleeper holds it), the first process exits 0
        String script = "printf '{\"data\": 42}' >&3; sleep 30 >/dev/null 2>&1 & exit 0";
        try (MonitorSpawn s = MonitorSpawn.start(List.of("/bin/sh", "-c", script), Map.of("PATH", "/usr/bin:/bin"),
                dir, dir.resolve("err"))) {
            assertThat(s.readReply(WAIT)).isEqualTo("{\"data\": 42}");
            assertThat(s.awaitExit()).isZero();
        }
    }

    @Test
    void childGetsOnlyStdioAndTheSyncPipeNoBlockedSignalsItsCwdAndEnvironment(@TempDir Path dir) throws IOException, InterruptedException {
        // a descriptor of the JVM that is not close-on-exec must not reach the child
        try (FileInputStream held = new FileInputStream("/dev/null")) {
            String script = "echo oops >&2; printf '{\"x\": \"%s\"}' \"$X\" >&3; exec sleep 60";
            try (MonitorSpawn s = MonitorSpawn.start(List.of("/bin/sh", "-c", script), Map.of("X", "y",
                    "PATH", "/usr/bin:/bin"), dir, dir.resolve("err"))) {
                assertThat(s.readReply(WAIT)).isEqualTo("{\"x\": \"y\"}");
                Path proc = Path.of("/proc/" + s.pid());
                // sh keeps a saved copy of a redirected descriptor (fd 10) while its printf runs: look once it is sleep
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (!Files.readString(proc.resolve("comm")).strip().equals("sleep") && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(Files.readString(proc.resolve("comm")).strip()).isEqualTo("sleep");
                try (var fds = Files.list(proc.resolve("fd"))) {
                    assertThat(fds.map(f -> f.getFileName().toString()).sorted()).containsExactly("0", "1", "2", "3");
                }
                assertThat(Files.readAllLines(proc.resolve("status"))).contains("SigBlk:\t0000000000000000");
                assertThat(Files.readSymbolicLink(proc.resolve("cwd"))).isEqualTo(dir.toRealPath());
                ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
                assertThat(s.awaitExit()).isEqualTo(128 + 9);
            }
            assertThat(held.getFD().valid()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("err"))).isEqualTo("oops\n");
    }

    @Test
    void aProcessThatEndsWithoutReplyingGivesAnEmptyReplyAndItsStatus(@TempDir Path dir) throws IOException {
        try (MonitorSpawn s = MonitorSpawn.start(List.of("/bin/sh", "-c", "exit 3"), Map.of(), dir,
                dir.resolve("err"))) {
            assertThat(s.readReply(WAIT)).isEmpty();
            assertThat(s.awaitExit()).isEqualTo(3);
        }
    }

    @Test
    void aMissingProgramIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> MonitorSpawn.start(List.of("/nonexistent/shoal-monitor"), Map.of(), dir,
                dir.resolve("err"))).isInstanceOf(IOException.class).hasMessageContaining("posix_spawn");
    }
}
