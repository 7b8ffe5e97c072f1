package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.engine.testing.RootEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Container output for real: the monitor's files read back in Docker's shape, across restarts, caps and attach. */
@Tag("root")
class LogsRootTest {

    private RootEngine r;

    @BeforeEach
    void setUp() throws Exception {
        r = RootEngine.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (r != null) {
            assertThat(r.close()).as("left behind").isEmpty();
        }
    }

    @Test
    void attachBeforeStartSeesEverythingUntilExit() {
        String id = r.engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/sh", "-c", "echo one; echo two >&2; echo three")),
                HostConfig.defaults()));
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> attached = CompletableFuture.runAsync(() ->
                r.engine.attach(id, true, e -> seen.add(e.stream() + ":" + e.log().trim())));
        CompletableFuture<Integer> exit = r.engine.waitForNextExit(id);
        r.engine.start(id);
        attached.join();
        assertThat(exit.join()).isZero();
        assertThat(seen).containsExactlyInAnyOrder("stdout:one", "stderr:two", "stdout:three");
        assertThat(seen).containsSubsequence("stdout:one", "stdout:three");
    }

    @Test
    void aTtyContainerRunsOnATerminalWhoseOutputIsLogged() {
        // the monitor hands runc a console socket and logs what comes from the terminal
        String id = r.engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/sh", "-c", "test -t 1 && echo on-a-tty; exit 4")),
                HostConfig.defaults()).withTty(true));
        CompletableFuture<Integer> exit = r.engine.waitForNextExit(id);
        r.engine.start(id);
        assertThat(r.root.resolve("run/bundles").resolve(id).resolve("console.sock"))
                .as("the console socket, in the bundle, is gone once runc handed the terminal over").doesNotExist();
        assertThat(exit.join()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        r.engine.logs(id, LogQuery.all(), e -> seen.add(e.stream() + ":" + e.log().trim()));
        assertThat(seen).containsExactly("stdout:on-a-tty");
    }

    @Test
    void tailSinceStreamsAndFollow() {
        String id = r.run(List.of("/bin/sh", "-c", "for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done"),
                HostConfig.defaults());
        r.engine.waitFor(id).join();
        List<LogEntry> all = new ArrayList<>();
        r.engine.logs(id, LogQuery.all(), all::add);
        assertThat(all).hasSize(10);
        List<String> tail = new ArrayList<>();
        r.engine.logs(id, LogQuery.all().withStreams(true, false).withTail(2), e -> tail.add(e.log().trim()));
        assertThat(tail).containsExactly("out4", "out5");
        List<String> since = new ArrayList<>();
        r.engine.logs(id, LogQuery.all().withSince(all.get(9).time()), e -> since.add(e.log().trim()));
        assertThat(since).contains(all.get(9).log().trim()).doesNotContain("out1");
        assertThat(all.get(0).toDockerJson()).matches("\\{\"log\":\"(out|err)1\\\\n\",\"stream\":\"std(out|err)\","
                + "\"time\":\"[0-9T:.-]+Z\"}");
        List<String> followed = new ArrayList<>();
        r.engine.logs(id, LogQuery.all().withFollow(true), e -> followed.add(e.log().trim()));
        assertThat(followed).hasSize(10);
    }

    @Test
    void aRestartKeepsThePreviousRunsOutput() {
        String id = r.run(List.of("/bin/sh", "-c", "echo run; exit 0"), HostConfig.defaults());
        r.engine.waitFor(id).join();
        r.engine.restart(id, Duration.ofSeconds(5));
        r.engine.waitFor(id).join();
        assertThat(r.logLines(id)).containsExactly("stdout:run", "stdout:run");
    }

    @Test
    void theLogIsCappedAndKeepsItsNewestLines() throws Exception {
        String id = r.engine.create(ContainerRequest.of("localhost/busybox", ContainerConfig.of(List.of("/bin/sh",
                "-c", "i=0; while [ $i -lt 3000 ]; do echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; i=$((i+1)); done")),
                HostConfig.defaults()).withLogSizeMax(16 * 1024));
        r.engine.start(id);
        r.engine.waitFor(id).join();
        Path log = Path.of(r.engine.inspect(id).logPath());
        assertThat(Files.size(log)).isLessThanOrEqualTo(16 * 1024);
        List<String> lines = r.logLines(id);
        assertThat(lines).isNotEmpty().hasSizeLessThan(3000);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("stdout:line-2999-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    }
}
