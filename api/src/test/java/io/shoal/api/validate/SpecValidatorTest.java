package io.shoal.api.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Node;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {
    static TaskSpec.ContainerSpec container(String image, List<String> env) {
        return new TaskSpec.ContainerSpec(image, null, null, null, null, env, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    static ServiceSpec valid() {
        return new ServiceSpec("web", Map.of("a", "b"), new TaskSpec(container("busybox", List.of("A=1")), null,
                null, null, null, null, null, null), ServiceSpec.Mode.ofReplicas(2), null, null, null);
    }

    @Test
    void aValidSpecHasNoViolations() {
        assertThat(SpecValidator.validate(valid())).isEmpty();
    }

    static List<Arguments> invalid() {
        return List.of(
                Arguments.of((UnaryOperator<ServiceSpec>) s -> new ServiceSpec("bad name!", null, s.taskTemplate(), s.mode(), null, null, null), "Name"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> new ServiceSpec("", null, s.taskTemplate(), s.mode(), null, null, null), "Name"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> new ServiceSpec("a".repeat(64), null, s.taskTemplate(), s.mode(), null, null, null), "Name"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> s.withMode(ServiceSpec.Mode.ofReplicas(-1)), "Mode.Replicated.Replicas"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> s.withMode(new ServiceSpec.Mode(new ServiceSpec.Replicated(1L), new ServiceSpec.Global())), "Mode"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> s.withTaskTemplate(s.taskTemplate().withContainerSpec(container("", null))), "TaskTemplate.ContainerSpec.Image"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> s.withTaskTemplate(s.taskTemplate().withContainerSpec(container("busybox", List.of("=x")))), "TaskTemplate.ContainerSpec.Env"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> s.withTaskTemplate(new TaskSpec(container("b", null), null, new TaskSpec.RestartPolicy("sometimes", null, null, null), null, null, null, null, null)), "TaskTemplate.RestartPolicy.Condition"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> s.withTaskTemplate(new TaskSpec(container("b", null), null, null, new TaskSpec.Placement(List.of("node.role=manager"), null, null, null), null, null, null, null)), "TaskTemplate.Placement.Constraints"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> new ServiceSpec("w", null, s.taskTemplate(), s.mode(), null, null, new ServiceSpec.EndpointSpec("vip", List.of(new ServiceSpec.PortConfig(null, "tcp", 80, 70000, "ingress")))), "EndpointSpec.Ports[0].PublishedPort"),
                Arguments.of((UnaryOperator<ServiceSpec>) s -> new ServiceSpec("w", null, s.taskTemplate(), s.mode(), new ServiceSpec.UpdateConfig(null, null, "explode", null, null, null), null, null), "UpdateConfig.FailureAction"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void eachMistakeIsNamedByItsField(UnaryOperator<ServiceSpec> change, String field) {
        assertThat(SpecValidator.validate(change.apply(valid()))).extracting(Violation::field).containsExactly(field);
    }

    @Test
    void nodeSpecRolesAndAvailability() {
        assertThat(SpecValidator.validate(new Node.Spec(null, null, "worker", "drain"))).isEmpty();
        assertThat(SpecValidator.validate(new Node.Spec(null, null, "boss", "gone"))).extracting(Violation::field)
                .containsExactly("Role", "Availability");
    }
}
