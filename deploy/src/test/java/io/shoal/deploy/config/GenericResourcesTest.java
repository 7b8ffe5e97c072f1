package io.shoal.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.model.Node;
import io.shoal.api.model.ResourceObject;
import io.shoal.manager.http.docker.DaemonInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GenericResourcesTest {

    @Test
    void countsAreDiscreteAndEveryOtherValueIsOneNamedResource() {
        assertThat(GenericResources.parse(List.of("ssd=2", "gpu=GPU-0", "gpu=GPU-1"))).containsExactly(
                new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec("ssd", 2L)),
                new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec("gpu", "GPU-0"), null),
                new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec("gpu", "GPU-1"), null));
    }

    @Test
    void badFlagsAreRefusedWithTheirText() {
        assertThatThrownBy(() -> GenericResources.parse(List.of("gpu"))).hasMessageContaining("\"gpu\"");
        assertThatThrownBy(() -> GenericResources.parse(List.of("g pu=1"))).hasMessageContaining("KIND=VALUE");
        assertThatThrownBy(() -> GenericResources.parse(List.of("gpu=$(reboot)"))).hasMessageContaining("\"gpu=$(reboot)\"");
        assertThatThrownBy(() -> GenericResources.parse(List.of("ssd=0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> GenericResources.parse(List.of("ssd=1", "ssd=2"))).hasMessageContaining("\"ssd\"");
        assertThatThrownBy(() -> GenericResources.parse(List.of("gpu=A", "gpu=A"))).hasMessageContaining("given twice");
        assertThatThrownBy(() -> GenericResources.parse(List.of("gpu=A", "gpu=2"))).hasMessageContaining("\"gpu\"");
    }

    @Test
    void theLiveDescriptionReadsTheHostAgainOnEachCall() {
        DaemonInfo daemon = new DaemonInfo("n1", "old", "10.0.0.1", 2377, "6.1", "Debian", "x86_64", 2, 1L << 30, "v", "/d",
                Map.of("zone", "a"));
        AtomicReference<HostFacts.Resources> host = new AtomicReference<>(new HostFacts.Resources("h1", 2, 1L << 30));
        List<ResourceObject.GenericResource> gpu = GenericResources.parse(List.of("gpu=GPU-0"));
        LiveDescription live = new LiveDescription(daemon, gpu, host::get);
        Node.Description first = live.get();
        assertThat(first.hostname()).isEqualTo("h1");
        assertThat(first.resources()).isEqualTo(new ResourceObject(2_000_000_000L, 1L << 30, gpu));
        assertThat(first.engine().labels()).containsEntry("zone", "a");

        host.set(new HostFacts.Resources("h2", 4, 2L << 30));
        Node.Description second = live.get();
        assertThat(second.hostname()).isEqualTo("h2");
        assertThat(second.resources().nanoCpus()).isEqualTo(4_000_000_000L);
        assertThat(second.resources().memoryBytes()).isEqualTo(2L << 30);
        assertThat(second).isNotEqualTo(first);
    }
}
