package io.shoal.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.ResourceObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerPlanEnvTest {

    private static ResourceObject.GenericResource named(String kind, String id) {
        return new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec(kind, id), null);
    }

    @Test
    void assignedGenericResourcesBecomeSwarmsDockerResourceVariables() {
        List<String> env = ContainerPlan.env(List.of("A=1"), List.of(named("gpu", "GPU-0"), named("gpu", "GPU-3"),
                new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec("ssd", 2L))));
        assertThat(env).containsExactly("A=1", "DOCKER_RESOURCE_GPU=GPU-0,GPU-3", "DOCKER_RESOURCE_SSD=2");
    }

    @Test
    void aTaskWithoutGenericResourcesKeepsItsOwnEnvironment() {
        assertThat(ContainerPlan.env(null, List.of())).isEmpty();
        assertThat(ContainerPlan.env(List.of("B=2"), List.of())).containsExactly("B=2");
    }
}
