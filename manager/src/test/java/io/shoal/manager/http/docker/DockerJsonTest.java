package io.shoal.manager.http.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.error.ApiException;
import io.shoal.testkit.fixtures.Services;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerJsonTest {
    @Test
    void readsWhatTheDockerCliSends() {
        String body = "{\"Name\":\"web\",\"Labels\":{},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox\",\"Init\":false,"
                + "\"StopGracePeriod\":10000000000,\"DNSConfig\":{},\"Isolation\":\"default\",\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}},"
                + "\"Resources\":{\"Limits\":{\"NanoCPUs\":500000000},\"Reservations\":{}},\"RestartPolicy\":{\"Condition\":\"any\",\"MaxAttempts\":0},"
                + "\"Placement\":{},\"ForceUpdate\":0,\"Runtime\":\"container\"},\"Mode\":{\"Replicated\":{\"Replicas\":3}},"
                + "\"UpdateConfig\":{\"Parallelism\":1,\"FailureAction\":\"pause\",\"Monitor\":5000000000,\"MaxFailureRatio\":0,\"Order\":\"stop-first\"},"
                + "\"EndpointSpec\":{\"Mode\":\"vip\"}}";
        ServiceSpec spec = DockerJson.read(body, ServiceSpec.class);
        assertThat(spec.replicas()).isEqualTo(3);
        assertThat(spec.taskTemplate().resources().limits().nanoCpus()).isEqualTo(500_000_000L);
        assertThat(spec.taskTemplate().containerSpec().healthcheck().test()).containsExactly("CMD", "true");
    }

    @Test
    void writesDockerFieldNamesAndOmitsEmptyOnes() {
        String json = DockerJson.write(Services.replicated("web", 2));
        assertThat(json).isEqualTo("{\"Name\":\"web\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\"}},"
                + "\"Mode\":{\"Replicated\":{\"Replicas\":2}}}");
        assertThat(DockerJson.write(TaskState.RUNNING)).isEqualTo("\"running\"");
    }

    @Test
    void fieldNamesMatchCaseInsensitivelyAsInGo() {
        assertThat(DockerJson.read("{\"name\":\"web\",\"taskTemplate\":{\"containerSpec\":{\"image\":\"b\"}}}", ServiceSpec.class).name())
                .isEqualTo("web");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"Name\":\"x\",|malformed JSON (line 1, column 13)",
            "{\"Name\":\"x\",\"Bogus\":1}|unknown field \"Bogus\" (line 1, column 23)",
            "{\"TaskTemplate\":{\"ContainerSpec\":{\"Env\":\"A=1\"}}}|invalid value for TaskTemplate.ContainerSpec.Env (line 1, column 41): expected an array",
            "{\"Mode\":{\"Replicated\":{\"Replicas\":\"three\"}}}|invalid value for Mode.Replicated.Replicas (line 1, column 35): expected a number",
            "[]|invalid value (line 1, column 1): expected an object"})
    void badInputNamesWhatAndWhere(String body, String message) {
        assertThatThrownBy(() -> DockerJson.read(body, ServiceSpec.class)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith(message);
        });
    }

    @Test
    void filtersAcceptBothDockerShapes() {
        assertThat(Filters.parse("{\"name\":{\"web\":true}}", java.util.Set.of("name")).get("name")).isEqualTo(List.of("web"));
        assertThat(Filters.parse("{\"name\":[\"web\"]}", java.util.Set.of("name")).get("name")).isEqualTo(List.of("web"));
        assertThatThrownBy(() -> Filters.parse("{\"nope\":[\"x\"]}", java.util.Set.of("name"))).hasMessage("invalid filter 'nope'");
    }
}
