package io.shoal.bench.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command runs end to end at a small size and prints its keys; timings are not asserted. */
class NetworksCommandTest {

    @Test
    void printsOneValuePerKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NetworksCommand.run(new String[] {"--tasks", "50", "--runs", "1"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(0, l.indexOf('='))))
                .containsExactly("tasks", "runs", "create_service_ms", "create_service_on_network_ms", "network_cost_per_task_us");
    }

    @Test
    void moreTasksThanASlash16HoldsIsRefused() {
        assertThatThrownBy(() -> NetworksCommand.run(new String[] {"--tasks", "70000"}, System.out))
                .hasMessageContaining("--tasks must be within 1..60000");
    }
}
