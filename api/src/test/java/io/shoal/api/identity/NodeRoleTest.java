package io.shoal.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeRoleTest {
    @Test
    void mapsCertificateUnitsAndApiNames() {
        assertThat(NodeRole.fromOrganizationalUnit("swarm-manager")).isEqualTo(NodeRole.MANAGER);
        assertThat(NodeRole.fromApiName("Worker")).isEqualTo(NodeRole.WORKER);
        assertThat(NodeRole.WORKER.organizationalUnit()).isEqualTo("swarm-worker");
        assertThatThrownBy(() -> NodeRole.fromApiName("boss")).hasMessage("invalid role \"boss\": expected worker or manager");
    }
}
