package io.shoal.bench.converge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void defaultsAreTheIssuesFiftyThenTwoHundredOnAnOwnDaemon() {
        Options o = Options.parse(new String[0]);
        assertThat(o.replicas()).isEqualTo(50);
        assertThat(o.scaleTo()).isEqualTo(200);
        assertThat(o.host()).isNull();
        assertThat(o.keepData()).isFalse();
        assertThat(o.stopGraceSeconds()).isNegative();
        assertThat(o.runcParallel()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(o.warmup()).isEqualTo(1);
    }

    @Test
    void everyOptionIsRead() {
        Options o = Options.parse(new String[] {"--replicas", "3", "--scale-to", "7", "--keep-data", "--host", "tcp://127.0.0.1:2375",
                "--data-root", "/var/lib/shoal", "--shoal-home", "/opt/shoal", "--image-script", "/x/busybox", "--runc-parallel", "4",
                "--stop-grace", "1.5", "--warmup", "0"});
        assertThat(o).isEqualTo(new Options(3, 7, true, "tcp://127.0.0.1:2375", Path.of("/var/lib/shoal"), Path.of("/opt/shoal"),
                Path.of("/x/busybox"), 4, 1.5, 0, false));
    }

    @Test
    void badInputIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--replicas", "0"})).hasMessageContaining("--replicas must be a positive integer, got \"0\"");
        assertThatThrownBy(() -> Options.parse(new String[] {"--replicas", "9", "--scale-to", "3"})).hasMessageContaining("--scale-to (3) must be at least --replicas (9)");
        assertThatThrownBy(() -> Options.parse(new String[] {"--host"})).hasMessageContaining("--host needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--bogus"})).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Options.parse(new String[] {"--warmup", "-1"})).hasMessageContaining("--warmup must be 0 or a positive integer, got \"-1\"");
    }
}
