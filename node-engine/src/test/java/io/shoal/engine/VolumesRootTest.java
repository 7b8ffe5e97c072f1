package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.container.MountPoint;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.testing.RootEngine;
import io.shoal.engine.volume.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Named, anonymous, bind and tmpfs mounts in real containers. */
@Tag("root")
class VolumesRootTest {

    private RootEngine r;

    @BeforeEach
    void setUp() throws Exception {
        r = RootEngine.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (r != null) {
            assertThat(r.close()).as("left behind").isEmpty();
        }
    }

    private String runTo(String image, List<String> cmd, HostConfig host, Map<String, String> volumes) {
        String id = r.engine.create(ContainerRequest.of(image, ContainerConfig.of(cmd), host).withVolumes(volumes));
        r.engine.start(id);
        r.engine.waitFor(id).join();
        return id;
    }

    @Test
    void anImageVolumeGetsAnAnonymousVolumeSeededFromTheImageAndRmVRemovesIt() {
        String id = runTo("localhost/busybox:vol", List.of("/bin/sh", "-c", "cat /data/seed; echo new > /data/n"),
                HostConfig.defaults(), Map.of());
        assertThat(r.logLines(id)).containsExactly("stdout:from-image");
        MountPoint m = r.engine.inspect(id).mounts().get(0);
        assertThat(m.type()).isEqualTo("volume");
        assertThat(m.destination()).isEqualTo("/data");
        Volume v = r.engine.volume(m.name());
        assertThat(v.anonymous()).isTrue();
        assertThat(v.mountpoint().resolve("n")).hasContent("new");
        assertThatThrownBy(() -> r.engine.removeVolume(v.name(), false)).hasMessageContaining("in use");
        r.engine.remove(id, false, true);
        assertThat(r.engine.volumes()).isEmpty();
    }

    @Test
    void namedVolumesPersistAndPruneKeepsThemUnlessAll() {
        r.engine.createVolume("keep", Map.of("team", "a"));
        runTo("localhost/busybox", List.of("/bin/sh", "-c", "echo kept > /v/f"), HostConfig.defaults().withBinds(
                List.of(new io.shoal.engine.bundle.HostConfig.Bind("keep", "/v", false))), Map.of());
        String reader = runTo("localhost/busybox", List.of("/bin/cat", "/v/f"), HostConfig.defaults(),
                Map.of("keep", "/v"));
        assertThat(r.logLines(reader)).containsExactly("stdout:kept");
        assertThat(r.engine.volume("keep").labels()).containsEntry("team", "a");
        for (var c : r.engine.list(true)) {
            r.engine.remove(c.id(), false);
        }
        assertThat(r.engine.pruneVolumes(false)).isEmpty();
        assertThat(r.engine.pruneVolumes(true)).containsExactly("keep");
        assertThatThrownBy(() -> r.engine.volume("keep")).hasMessageContaining("no such volume");
        r.engine.removeVolume("keep", true);
    }

    @Test
    void readOnlyBindsAndSizedTmpfs() throws Exception {
        Path host = Files.createDirectories(r.root.resolve("hostdir"));
        Files.writeString(host.resolve("in"), "host-data\n");
        String id = runTo("localhost/busybox", List.of("/bin/sh", "-c",
                "cat /h/in; touch /h/x || echo ro-refused; stat -c %a /t;"
                        + " dd if=/dev/zero of=/t/big bs=1024 count=2048 2>/dev/null || echo tmpfs-full"),
                HostConfig.defaults().withBinds(List.of(new HostConfig.Bind(host.toString(), "/h", true)))
                        .withTmpfs(Map.of("/t", "size=1m,mode=1770")), Map.of());
        assertThat(r.logLines(id)).contains("stdout:host-data", "stdout:ro-refused", "stdout:1770",
                "stdout:tmpfs-full");
        assertThat(host.resolve("x")).doesNotExist();
    }
}
