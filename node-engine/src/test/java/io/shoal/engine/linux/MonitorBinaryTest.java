package io.shoal.engine.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorBinaryTest {

    @Test
    void installsOnceUnderItsDigestAndRunsWithoutTheDynamicLoader(@TempDir Path dir) throws Exception {
        Path first = MonitorBinary.install(dir);
        Path second = MonitorBinary.install(dir);
        assertThat(second).isEqualTo(first);
        assertThat(first.getFileName().toString()).matches("shoal-monitor-[0-9a-f]{16}");
        assertThat(Files.isExecutable(first)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(first); // no temporary file left
        }
        // without a sync pipe on fd 3 it refuses to start, saying why
        Process p = new ProcessBuilder(first.toString(), "--id", "x", "--bundle", "/b", "--runc", "/r", "--runc-root",
                "/rr", "--log", "/l", "--exit-file", "/e").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(out).contains("no sync pipe on fd 3");
        Process usage = new ProcessBuilder(first.toString(), "--id", "x").redirectErrorStream(true).start();
        assertThat(new String(usage.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("usage:");
        assertThat(usage.waitFor()).isEqualTo(1);
    }
}
