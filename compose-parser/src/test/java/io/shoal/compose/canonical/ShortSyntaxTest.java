package io.shoal.compose.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortSyntaxTest {
  @Test
  void expandsPortRangesAndKeepsTheHostIp() throws Exception {
    assertThat(ShortSyntax.port("127.0.0.1:8000-8001:80-81/udp")).containsExactly(
        Map.of("mode", "ingress", "host_ip", "127.0.0.1", "target", 80L, "published", "8000", "protocol", "udp"),
        Map.of("mode", "ingress", "host_ip", "127.0.0.1", "target", 81L, "published", "8001", "protocol", "udp"));
    assertThat(ShortSyntax.port("3000")).containsExactly(Map.of("mode", "ingress", "target", 3000L, "protocol", "tcp"));
    assertThat(ShortSyntax.port("9000-9010:80")).containsExactly(
        Map.of("mode", "ingress", "target", 80L, "published", "9000-9010", "protocol", "tcp"));
  }

  @Test
  void refusesBadPorts() {
    assertThatThrownBy(() -> ShortSyntax.port("http:80")).hasMessage("invalid hostPort: http");
    assertThatThrownBy(() -> ShortSyntax.port("80/icmp")).hasMessage("invalid proto: icmp");
  }

  @Test
  void readsVolumesAsBindOrNamed() throws Exception {
    Map<String, Object> bind = ShortSyntax.volume("./data:/data:ro,z");
    assertThat(bind).containsEntry("type", "bind").containsEntry("source", "./data").containsEntry("target", "/data")
        .containsEntry("read_only", true).containsEntry("bind", Map.of("selinux", "z", "create_host_path", true));
    assertThat(ShortSyntax.volume("db:/var/lib/db")).containsEntry("type", "volume").containsEntry("volume", Map.of());
    assertThat(ShortSyntax.volume("/anonymous")).containsEntry("type", "volume").doesNotContainKey("source");
    assertThatThrownBy(() -> ShortSyntax.volume("src:/t:ro:extra")).hasMessageContaining("too many colons");
  }
}
