package io.shoal.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DaemonAddressTest {

    @ParameterizedTest
    @CsvSource({"tcp://127.0.0.1:2375, 127.0.0.1, 2375", "tcp://manager-1:12375, manager-1, 12375", "10.0.0.5:2376, 10.0.0.5, 2376",
            "localhost, localhost, 2375", "http://h:1/, h, 1", "tcp://[::1]:2375, [::1], 2375"})
    void parses(String raw, String host, int port) {
        DaemonAddress a = DaemonAddress.parse(raw);

        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port()).isEqualTo(port);
        assertThat(a.baseUri().toString()).isEqualTo("http://" + host + ":" + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unix:///var/run/docker.sock", "ssh://me@host", "https://h:2376", "tcp://h:0", "tcp://h:70000",
            "tcp://h:port", "tcp://h:1/path", "ftp://h:21"})
    void refuses(String raw) {
        assertThatThrownBy(() -> DaemonAddress.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1.49, 1.49, 1.49", "1.45, 1.49, 1.45", "1.50, 1.49, 1.49", "2.0, 1.49, 1.49", "1.9, 1.10, 1.9"})
    void negotiatesTheLowerVersion(String a, String b, String min) {
        assertThat(EngineClient.min(a, b)).isEqualTo(min);
    }
}
