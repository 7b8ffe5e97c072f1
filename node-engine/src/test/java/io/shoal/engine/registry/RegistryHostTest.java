package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryHostTest {

    private static final RegistrySettings SETTINGS = RegistrySettings.defaults()
            .withInsecureRegistries(List.of("registry.lan:5000", "10.1.0.0/16", "plain.example", "bad/99"));

    @ParameterizedTest
    @CsvSource({
        "docker.io,              https://registry-1.docker.io",
        "quay.io,                https://quay.io",
        "ghcr.io:443,            https://ghcr.io:443",
        "127.0.0.1:5000,         http://127.0.0.1:5000",
        "127.9.9.9,              http://127.9.9.9",
        "localhost:5000,         http://localhost:5000",
        "localhost,              http://localhost",
        "[::1]:5000,             http://[::1]:5000",
        "128.0.0.1:5000,         https://128.0.0.1:5000",
        "registry.lan:5000,      http://registry.lan:5000",
        "registry.lan:6000,      https://registry.lan:6000",
        "plain.example:8080,     http://plain.example:8080",
        "10.1.200.3:5000,        http://10.1.200.3:5000",
        "10.2.0.1:5000,          https://10.2.0.1:5000",
    })
    void picksTheSchemeAsDockerdDoes(String domain, String base) {
        RegistryHost host = RegistryHost.of(domain, SETTINGS);

        assertThat(host.base()).hasToString(base);
        assertThat(host.uri("library/busybox", "manifests/latest"))
                .hasToString(base + "/v2/library/busybox/manifests/latest");
    }
}
