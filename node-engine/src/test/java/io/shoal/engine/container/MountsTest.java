package io.shoal.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.bundle.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountsTest {

    @TempDir
    Path tmp;

    private Mounts.Plan plan(HostConfig host, Map<String, String> named, Set<String> imageVolumes, List<Path> roots) {
        AtomicInteger n = new AtomicInteger();
        return Mounts.plan(host, named, imageVolumes, roots, name -> "/vol/" + name, () -> "anon" + n.incrementAndGet());
    }

    @Test
    void bindsVolumesTmpfsAndAnonymousVolumesForUncoveredImageVolumes() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        HostConfig host = HostConfig.defaults().withBinds(List.of(new HostConfig.Bind(src.toString(), "/a", true),
                new HostConfig.Bind("named", "/b", false))).withTmpfs(Map.of("/run", "size=1m"));
        Mounts.Plan p = plan(host, Map.of("other", "/c"), Set.of("/a", "/d"), List.of());
        assertThat(p.violations()).isEmpty();
        assertThat(p.mounts()).containsExactly(
                new MountPoint("bind", "", src.toString(), "/a", true),
                new MountPoint("volume", "named", "/vol/named", "/b", false),
                new MountPoint("volume", "other", "/vol/other", "/c", false),
                new MountPoint("tmpfs", "", "", "/run", false),
                new MountPoint("volume", "anon1", "/vol/anon1", "/d", false));
        assertThat(p.binds()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/path", "/etc/../root", "/no/such/path", "bad;name", "./x"})
    void refusesBindSourcesThatAreNotAbsoluteExistingPathsOrVolumeNames(String source) {
        Mounts.Plan p = plan(HostConfig.defaults().withBinds(List.of(new HostConfig.Bind(source, "/x", false))),
                Map.of(), Set.of(), List.of());
        assertThat(p.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("invalid mount")
                .contains(source));
    }

    @Test
    void refusesBindSourcesOutsideTheAllowedRootsEvenThroughSymlinks() throws Exception {
        Path allowed = Files.createDirectory(tmp.resolve("allowed"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path link = Files.createSymbolicLink(allowed.resolve("link"), outside);
        Files.createDirectory(allowed.resolve("ok"));
        assertThat(plan(HostConfig.defaults().withBinds(List.of(new HostConfig.Bind(link.toString(), "/x", false))),
                Map.of(), Set.of(), List.of(allowed)).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("outside the allowed roots"));
        assertThat(plan(HostConfig.defaults().withBinds(List.of(new HostConfig.Bind(allowed + "/ok", "/x", false))),
                Map.of(), Set.of(), List.of(allowed)).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "relative", "/a/../b"})
    void refusesBadDestinations(String dest) {
        assertThat(plan(HostConfig.defaults(), Map.of("v", dest), Set.of(), List.of()).violations()).hasSize(1);
    }

    @Test
    void refusesTwoMountsOnOneDestination() {
        assertThat(plan(HostConfig.defaults().withTmpfs(Map.of("/x", "")), Map.of("v", "/x/"), Set.of(), List.of())
                .violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("duplicate"));
    }
}
