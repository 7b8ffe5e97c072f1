package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.deploy.role.NodeEngine;
import io.shoal.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, a one-host shoald runs a replicated service's tasks as real runc containers (from a busybox image
 * built with umoci from Debian's busybox-static and loaded into the node engine before the daemon starts), and
 * removing the service stops and removes them. Every container is removed at the end, even on failure.
 */
class ServiceContainersTest {
    static final String SERVICE = "{\"Name\":\"sleepers\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\","
            + "\"Args\":[\"sleep\",\"600\"],\"StopGracePeriod\":1000000000}},\"Mode\":{\"Replicated\":{\"Replicas\":2}}}";
    @TempDir
    Path dir;
    Path data;
    ShoaldProcess shoald;

    @BeforeEach
    void rootOnly() {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: needs root to run containers");
        for (String tool : List.of("/usr/sbin/runc", "/usr/bin/conmon", "/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "SKIPPED: " + tool + " missing (apt-get install runc conmon umoci skopeo busybox-static)");
        }
        data = dir.resolve("data");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (shoald != null) {
            shoald.close();
        }
        if (data == null) {
            return;
        }
        String runcRoot = "--root=" + NodeEngine.root(data).resolve("runc");
        for (String id : runcList(runcRoot)) {
            run("/usr/sbin/runc", runcRoot, "kill", id, "KILL");
            run("/usr/sbin/runc", runcRoot, "delete", "-f", id);
        }
        List<String> mounts = Files.readAllLines(Path.of("/proc/mounts")).stream().map(l -> l.split(" ")[1])
                .filter(m -> m.startsWith(dir.toString())).sorted((a, b) -> b.length() - a.length()).toList();
        for (String m : mounts) {
            run("umount", "-l", m);
        }
    }

    @Test
    void aServiceRunsTwoRealContainersAndRemovingItRemovesThem() throws Exception {
        Path image = dir.resolve("image");
        assertThat(run("bash", Path.of("images/busybox").toAbsolutePath().toString(), image.toString()).exit()).isZero();
        try (Engine engine = Engine.open(Engine.Settings.defaults(NodeEngine.root(data)))) {
            assertThat(engine.loadOciLayout(image.resolve("oci"), "busybox")).hasSize(1);
        }

        shoald = new ShoaldProcess(data).start();
        Api api = new Api(shoald.api());
        assertThat(api.post("/swarm/init", "{}").status()).isEqualTo(200);
        assertThat(api.post("/services/create", SERVICE).status()).isEqualTo(201);

        JsonNode running = eventually(() -> {
            JsonNode tasks = api.get("/tasks?filters=" + Api.filters("{\"service\":[\"sleepers\"],\"desired-state\":[\"running\"]}")).json();
            boolean all = tasks.size() == 2;
            for (JsonNode t : tasks) {
                all &= "running".equals(t.at("/Status/State").asText());
            }
            return all ? tasks : null;
        });
        String runcRoot = "--root=" + NodeEngine.root(data).resolve("runc");
        List<String> containers = runcList(runcRoot);
        assertThat(containers).hasSize(2);
        for (JsonNode t : running) {
            assertThat(containers).contains(t.at("/Status/ContainerStatus/ContainerID").asText());
        }
        Run state = run("/usr/sbin/runc", runcRoot, "list", "--format", "json");
        assertThat(state.out()).contains("\"status\":\"running\"");

        assertThat(api.delete("/services/sleepers").status()).isEqualTo(200);
        eventually(() -> api.get("/tasks").json().isEmpty() && runcList(runcRoot).isEmpty() ? true : null);
        eventually(() -> listContainerDirs().isEmpty() ? true : null);
    }

    List<String> listContainerDirs() throws Exception {
        Path containers = NodeEngine.root(data).resolve("containers");
        if (!Files.isDirectory(containers)) {
            return List.of();
        }
        try (var s = Files.list(containers)) {
            return s.map(Path::toString).toList();
        }
    }

    <T> T eventually(Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            T value = check.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s; shoald's log:\n" + shoald.log());
            }
            Thread.sleep(200);
        }
    }

    static List<String> runcList(String runcRoot) throws Exception {
        Run r = run("/usr/sbin/runc", runcRoot, "list", "-q");
        List<String> out = new ArrayList<>();
        r.out().lines().filter(l -> !l.isBlank()).forEach(out::add);
        return out;
    }

    record Run(int exit, String out) {}

    static Run run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
