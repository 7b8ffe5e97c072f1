package io.shoal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shoal.compose.model.ComposeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point's own rules: file discovery, project name, environment precedence, formats. */
class ComposeConfigTest {
  @TempDir
  Path dir;

  private static ConfigOptions options(List<Path> files, Optional<String> name, String format) {
    return new ConfigOptions(files, List.of(), List.of(), Optional.empty(), name, format);
  }

  @Test
  void findsComposeYamlAndItsOverrideFromASubfolder() throws Exception {
    Path project = Files.createDirectories(dir.resolve("My_App"));
    Files.writeString(project.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
    Files.writeString(project.resolve("compose.override.yaml"), "services:\n  web:\n    image: nginx:2\n");
    Path sub = Files.createDirectories(project.resolve("src/deep"));
    ComposeProject p = ComposeConfig.load(options(List.of(), Optional.empty(), "json"), Map.of(), sub);
    assertThat(p.name()).isEqualTo("my_app");
    assertThat(p.services().get("web")).containsEntry("image", "nginx:2");
  }

  @Test
  void processEnvironmentWinsOverDotEnvAndComposeFileIsHonoured() throws Exception {
    Files.writeString(dir.resolve(".env"), "TAG=from-dotenv\nOTHER=dotenv\nCOMPOSE_FILE=app.yaml\n");
    Files.writeString(dir.resolve("app.yaml"), "name: envtest\nservices:\n  web:\n    image: \"nginx:${TAG}-${OTHER}\"\n");
    ComposeProject p = ComposeConfig.load(options(List.of(), Optional.empty(), "json"), Map.of("TAG", "from-env"), dir);
    assertThat(p.services().get("web")).containsEntry("image", "nginx:from-env-dotenv");
  }

  @Test
  void anInvalidExplicitProjectNameIsRefused() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
    assertThatThrownBy(() -> ComposeConfig.load(options(List.of(), Optional.of("Bad Name"), "json"), Map.of(), dir))
        .isInstanceOf(ComposeException.class).hasMessageContaining("invalid project name");
  }

  @Test
  void yamlAndJsonRenderTheSameProject() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "name: same\nservices:\n  web:\n    image: nginx\n"
        + "    command: echo $$HOME\n    ports: [\"8080:80\"]\n    healthcheck:\n      interval: 90s\n");
    ObjectMapper json = new ObjectMapper();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode a = json.readTree(ComposeConfig.render(options(List.of(), Optional.empty(), "json"), Map.of(), dir));
    JsonNode b = yaml.readTree(ComposeConfig.render(options(List.of(), Optional.empty(), "yaml"), Map.of(), dir));
    assertThat(b).isEqualTo(a);
    assertThat(a.at("/services/web/command/1").asText()).isEqualTo("$$HOME");
    assertThat(a.at("/services/web/healthcheck/interval").asText()).isEqualTo("1m30s");
  }

  @Test
  void aMissingRequiredVariableNamesFileAndLine() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: \"nginx:${TAG:?set TAG}\"\n");
    assertThatThrownBy(() -> ComposeConfig.load(options(List.of(), Optional.of("x"), "json"), Map.of(), dir))
        .hasMessageStartingWith(dir.resolve("compose.yaml") + ":3: ")
        .hasMessageContaining("required variable TAG is missing a value: set TAG");
  }
}
