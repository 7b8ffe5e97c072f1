package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.exec.ExecIo;
import io.shoal.engine.exec.ExecRecord;
import io.shoal.engine.exec.ExecRequest;
import io.shoal.engine.testing.RootEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** runc exec for real: Docker's exec create → start → inspect with argv, env, user, working dir, stdin, tty. */
@Tag("root")
class ExecRootTest {

    private RootEngine r;
    private String id;

    @BeforeEach
    void setUp() throws Exception {
        r = RootEngine.start();
        id = r.run(List.of("/bin/sleep", "1000"), HostConfig.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (r != null) {
            assertThat(r.close()).as("left behind").isEmpty();
        }
    }

    @Test
    void createStartInspectWithEnvUserAndWorkdirStreamsSeparated() {
        String exec = r.engine.execCreate(id, ExecRequest.of(List.of("/bin/sh", "-c",
                "echo $GREETING; id -u; id -g; pwd; echo oops >&2; exit 5"))
                .withEnv(List.of("GREETING=hello")).withUser("nobody").withWorkingDir("/tmp"));
        ExecRecord before = r.engine.execInspect(exec);
        assertThat(before.running()).isFalse();
        assertThat(before.exitCode()).isNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = r.engine.execStart(exec, new ExecIo(null, out, err));
        assertThat(code).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n65534\n65534\n/tmp\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
        assertThat(r.engine.execInspect(exec).exitCode()).isEqualTo(5);
        assertThatThrownBy(() -> r.engine.execStart(exec, new ExecIo(null, out, err)))
                .hasMessageContaining("already been started");
    }

    @Test
    void stdinIsCopiedAndTtyMergesOutput() {
        String cat = r.engine.execCreate(id, ExecRequest.of(List.of("/bin/cat")).withStdin(true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = r.engine.execStart(cat, new ExecIo(new ByteArrayInputStream("piped in\n".getBytes(
                StandardCharsets.UTF_8)), out, new ByteArrayOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("piped in\n");
        String tty = r.engine.execCreate(id, ExecRequest.of(List.of("/bin/sh", "-c", "test -t 1 && echo tty; echo e >&2"))
                .withTty(true));
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        assertThat(r.engine.execStart(tty, new ExecIo(null, merged, new ByteArrayOutputStream()))).isZero();
        assertThat(merged.toString(StandardCharsets.UTF_8).replace("\r", "")).contains("tty\n").contains("e\n");
    }

    @Test
    void refusedOnStoppedContainersAndBadInput() {
        assertThatThrownBy(() -> r.engine.execCreate(id, ExecRequest.of(List.of()))).isInstanceOf(EngineException.class)
                .hasMessageContaining("No exec command");
        String bad = r.engine.execCreate(id, ExecRequest.of(List.of("/bin/true")).withUser("nosuchuser"));
        assertThatThrownBy(() -> r.engine.execStart(bad, new ExecIo(null, new ByteArrayOutputStream(),
                new ByteArrayOutputStream()))).isInstanceOf(EngineException.class).hasMessageContaining("nosuchuser");
        assertThatThrownBy(() -> r.engine.execInspect("nosuch")).hasMessageContaining("No such exec");
        r.engine.stop(id, Duration.ofMillis(100));
        assertThatThrownBy(() -> r.engine.execCreate(id, ExecRequest.of(List.of("/bin/true"))))
                .isInstanceOf(EngineException.class).hasMessageContaining("is not running");
    }
}
