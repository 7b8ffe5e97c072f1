package io.shoal.manager.http.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import org.junit.jupiter.api.Test;

/** The task history limit that {@code POST /swarm/init} takes from Docker's {@code Spec.Orchestration}. */
class SwarmInitSpecTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode spec(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void theLimitComesFromOrchestrationAndIsAbsentWithoutOne() throws Exception {
        assertThat(SystemRoutes.historyLimit(spec("{\"Orchestration\":{\"TaskHistoryRetentionLimit\":2}}"))).isEqualTo(2L);
        assertThat(SystemRoutes.historyLimit(spec("{}"))).isNull();
        assertThat(SystemRoutes.historyLimit(spec("{\"Orchestration\":{\"TaskHistoryRetentionLimit\":null}}"))).isNull();
        assertThat(SystemRoutes.historyLimit(null)).isNull();
    }

    @Test
    void aLimitThatIsNotAnIntegerIsABadRequestNamingTheField() throws Exception {
        assertThatThrownBy(() -> SystemRoutes.historyLimit(spec("{\"Orchestration\":{\"TaskHistoryRetentionLimit\":\"five\"}}")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Spec.Orchestration.TaskHistoryRetentionLimit");
    }
}
