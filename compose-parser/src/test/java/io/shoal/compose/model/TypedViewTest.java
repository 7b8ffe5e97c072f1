package io.shoal.compose.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.compose.ComposeConfig;
import io.shoal.compose.ConfigOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedViewTest {
  @TempDir
  Path dir;

  @Test
  void readsTheCanonicalTreeIntoRecords() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
        "name: typed",
        "services:",
        "  web:",
        "    image: nginx",
        "    ports: [\"127.0.0.1:8080:80\"]",
        "    volumes: [\"data:/var/lib/data:ro\"]",
        "    environment: [A=1, B]",
        "    healthcheck: {test: curl -f localhost, interval: 1m30s, retries: 3}",
        "    deploy:",
        "      replicas: 2",
        "      resources: {limits: {cpus: '0.5', memory: 64m}}",
        "      update_config: {parallelism: 1, delay: 10s}",
        "      placement: {constraints: [node.role==worker], preferences: [{spread: node.labels.zone}]}",
        "    secrets: [{source: token, mode: 0440}]",
        "volumes: {data: {}}",
        "secrets: {token: {file: ./token.txt}}",
        ""));
    ComposeProject p = ComposeConfig.load(new ConfigOptions(List.of(), List.of(), List.of(), Optional.empty(),
        Optional.empty(), "json"), Map.of(), dir);
    Service web = p.typedServices().get(0);
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.ports()).containsExactly(new Service.Port(80, Optional.of("8080"), "tcp", "ingress", Optional.of("127.0.0.1")));
    assertThat(web.volumes()).containsExactly(new Service.Mount("volume", Optional.of("data"), "/var/lib/data", true));
    assertThat(web.environment()).containsEntry("A", Optional.of("1")).containsEntry("B", Optional.empty());
    assertThat(web.healthcheck().orElseThrow().test()).containsExactly("CMD-SHELL", "curl -f localhost");
    assertThat(web.healthcheck().orElseThrow().interval()).contains(Duration.ofSeconds(90));
    Service.Deploy deploy = web.deploy().orElseThrow();
    assertThat(deploy.replicas()).contains(2);
    assertThat(deploy.cpuLimit()).contains(0.5);
    assertThat(deploy.memoryLimit()).contains(64L << 20);
    assertThat(deploy.constraints()).containsExactly("node.role==worker");
    assertThat(deploy.preferences()).containsExactly("node.labels.zone");
    assertThat(deploy.update().orElseThrow().delay()).contains(Duration.ofSeconds(10));
    assertThat(web.secrets()).containsExactly(new Service.FileRef("token", Optional.of("/run/secrets/token"),
        Optional.empty(), Optional.empty(), Optional.of(0440)));
    assertThat(p.typedResources("volumes")).extracting(Resource::name).containsExactly("typed_data");
    assertThat(p.typedResources("secrets").get(0).file()).contains(dir.resolve("token.txt").toString());
  }
}
