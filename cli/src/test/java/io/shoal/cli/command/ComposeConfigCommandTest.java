package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal compose config} as a user runs it: no daemon, a file in a folder, canonical JSON or file:line. */
class ComposeConfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheCanonicalProject() throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n");

        Cli.Result r = Cli.run(Map.of(), "compose", "config", "-f", file.toString(), "-p", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode project = new ObjectMapper().readTree(r.out());
        assertThat(project.path("name").asText()).isEqualTo("demo");
        JsonNode web = project.path("services").path("web");
        assertThat(web.path("image").asText()).isEqualTo("nginx");
        assertThat(web.path("ports").get(0).path("published").asText()).isEqualTo("8080");
        assertThat(web.path("ports").get(0).path("target").asInt()).isEqualTo(80);
        assertThat(project.path("networks").has("default")).isTrue();
    }

    @Test
    void namesTheFileAndLineOfAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n    colour: blue\n");

        Cli.Result r = Cli.run(Map.of(), "compose", "config", "-f", file.toString(), "-p", "demo");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(file.toString()).contains(":4").contains("colour");
    }

    @Test
    void refusesAnUnknownFormat() throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");

        Cli.Result r = Cli.run(Map.of(), "compose", "config", "-f", file.toString(), "--format", "toml");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format must be json or yaml");
    }
}
