package io.shoal.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {

    @TempDir
    Path dir;

    private static String line(int second, String stream, String flag, String text) {
        return "2026-01-01T00:00:" + String.format("%02d", second) + ".000000001+00:00 " + stream + " " + flag + " "
                + text + "\n";
    }

    private List<String> read(LogQuery q) throws Exception {
        List<String> out = new ArrayList<>();
        LogReader.read(List.of(dir.resolve("old"), dir.resolve("live")), q, () -> true,
                e -> out.add(e.stream() + ":" + e.log()));
        return out;
    }

    @Test
    void readsGenerationsInOrderAndFiltersByStreamTimeAndTail() throws Exception {
        Files.writeString(dir.resolve("old"), line(1, "stdout", "F", "a") + line(2, "stderr", "F", "b"));
        Files.writeString(dir.resolve("live"), line(3, "stdout", "P", "c") + line(4, "stdout", "F", "d")
                + "garbage\n" + line(5, "stderr", "F", "e"));
        assertThat(read(LogQuery.all())).containsExactly("stdout:a\n", "stderr:b\n", "stdout:c", "stdout:d\n",
                "stderr:e\n");
        assertThat(read(LogQuery.all().withTail(2))).containsExactly("stdout:d\n", "stderr:e\n");
        assertThat(read(LogQuery.all().withTail(0))).isEmpty();
        assertThat(read(LogQuery.all().withStreams(false, true))).containsExactly("stderr:b\n", "stderr:e\n");
        assertThat(read(LogQuery.all().withSince(Instant.parse("2026-01-01T00:00:03Z"))
                .withUntil(Instant.parse("2026-01-01T00:00:04.5Z")))).containsExactly("stdout:c", "stdout:d\n");
    }

    @Test
    void followsGrowthAndRotationUntilFinished() throws Exception {
        Path live = dir.resolve("live");
        Files.writeString(live, line(1, "stdout", "F", "one"));
        AtomicBoolean finished = new AtomicBoolean();
        List<String> got = new ArrayList<>();
        CountDownLatch first = new CountDownLatch(2);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
            try {
                LogReader.read(List.of(dir.resolve("none"), live), LogQuery.all().withFollow(true),
                        finished::get, e -> {
                            synchronized (got) {
                                got.add(e.log().trim());
                            }
                            first.countDown();
                        });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Files.writeString(live, line(2, "stdout", "F", "two"), StandardOpenOption.APPEND);
        first.await();
        // rotation: the monitor replaces the file with a fresh one
        Path fresh = dir.resolve("live.tmp");
        Files.writeString(fresh, line(3, "stdout", "F", "three"));
        Files.move(fresh, live, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        finished.set(true);
        follower.join();
        assertThat(got).containsExactly("one", "two", "three");
    }
}
