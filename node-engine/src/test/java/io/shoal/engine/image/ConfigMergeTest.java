package io.shoal.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigMergeTest {

    private static final Healthcheck IMAGE_HC = new Healthcheck(List.of("CMD", "check"), Duration.ofSeconds(5),
            Duration.ofSeconds(2), Duration.ZERO, 4);

    private static final ImageConfig IMAGE = new ImageConfig(List.of("PATH=/usr/bin", "LANG=C"), List.of("/entry"),
            List.of("serve"), "/app", "app", Set.of("80/tcp"), Set.of("/data"), IMAGE_HC, Map.of("a", "image"),
            "SIGQUIT", "linux", "amd64", List.of());

    @Test
    void anEmptyContainerConfigTakesEverythingFromTheImage() {
        ConfigMerge.Resolved r = ConfigMerge.merge(IMAGE, ContainerConfig.of(null));
        assertThat(r.argv()).containsExactly("/entry", "serve");
        assertThat(r.workingDir()).isEqualTo("/app");
        assertThat(r.user()).isEqualTo("app");
        assertThat(r.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(r.healthcheck()).isEqualTo(IMAGE_HC);
    }

    @Test
    void aCmdReplacesTheImageCmdButKeepsItsEntrypoint() {
        assertThat(ConfigMerge.merge(IMAGE, ContainerConfig.of(List.of("debug"))).argv())
                .containsExactly("/entry", "debug");
    }

    @Test
    void anEntrypointDropsTheImageCmd() {
        ContainerConfig c = ContainerConfig.of(null).withEntrypoint(List.of("/bin/sh"));
        assertThat(ConfigMerge.merge(IMAGE, c).argv()).containsExactly("/bin/sh");
    }

    @Test
    void anEmptyEntrypointResetsTheImagesAndKeepsItsCmd() {
        ContainerConfig c = ContainerConfig.of(null).withEntrypoint(List.of());
        assertThat(ConfigMerge.merge(IMAGE, c).argv()).containsExactly("serve");
    }

    @Test
    void envIsMergedByKeyContainerFirst() {
        ContainerConfig c = ContainerConfig.of(null).withEnv(List.of("LANG=fr", "X=1"));
        assertThat(ConfigMerge.merge(IMAGE, c).env()).containsExactly("LANG=fr", "X=1", "PATH=/usr/bin");
    }

    @Test
    void portsVolumesAndLabelsAreUnions() {
        ContainerConfig c = new ContainerConfig(null, null, null, null, null, Set.of("443/tcp"), Set.of("/logs"),
                null, Map.of("a", "mine", "b", "mine"), null, null);
        ConfigMerge.Resolved r = ConfigMerge.merge(IMAGE, c);
        assertThat(r.exposedPorts()).containsExactlyInAnyOrder("80/tcp", "443/tcp");
        assertThat(r.volumes()).containsExactlyInAnyOrder("/data", "/logs");
        assertThat(r.labels()).containsEntry("a", "mine").containsEntry("b", "mine");
    }

    @Test
    void aHealthcheckInheritsUnsetFieldsAndNoneDisables() {
        Healthcheck mine = new Healthcheck(List.of(), Duration.ofSeconds(1), null, null, 0);
        Healthcheck merged = ConfigMerge.merge(IMAGE, ContainerConfig.of(null).withHealthcheck(mine)).healthcheck();
        assertThat(merged.test()).containsExactly("CMD", "check");
        assertThat(merged.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(merged.retries()).isEqualTo(4);
        Healthcheck none = new Healthcheck(List.of("NONE"), null, null, null, 0);
        assertThat(ConfigMerge.merge(IMAGE, ContainerConfig.of(null).withHealthcheck(none)).healthcheck()).isNull();
    }

    @Test
    void shellHealthchecksRunThroughSh() {
        Healthcheck hc = new Healthcheck(List.of("CMD-SHELL", "curl -f localhost"), null, null, null, 0);
        assertThat(hc.probeCommand()).containsExactly("/bin/sh", "-c", "curl -f localhost");
        assertThat(hc.effectiveInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(hc.effectiveRetries()).isEqualTo(3);
    }
}
