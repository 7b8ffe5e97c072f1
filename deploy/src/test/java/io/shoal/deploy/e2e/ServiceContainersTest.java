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
    /** Exits 3 at once; restarted on failure after 100 ms, at most twice. */
    static final String FAILING = "{\"Name\":\"failing\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\","
            + "\"Args\":[\"sh\",\"-c\",\"exit 3\"]},\"RestartPolicy\":{\"Condition\":\"on-failure\",\"Delay\":100000000,"
            + "\"MaxAttempts\":2}},\"Mode\":{\"Replicated\":{\"Replicas\":1}}}";
    /** Two replicas that each reserve one gpu, on a node offering one: one runs, one waits. */
    static final String GPU = "{\"Name\":\"trainer\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\","
            + "\"Args\":[\"sleep\",\"600\"],\"StopGracePeriod\":1000000000},\"Resources\":{\"Reservations\":{\"GenericResources\":"
            + "[{\"DiscreteResourceSpec\":{\"Kind\":\"gpu\",\"Value\":1}}]}}},\"Mode\":{\"Replicated\":{\"Replicas\":2}}}";
    @TempDir
    Path dir;
    Path data;
    ShoaldProcess shoald;

    @BeforeEach
    void rootOnly() {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: needs root to run containers");
        for (String tool : List.of("/usr/sbin/runc", "/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "SKIPPED: " + tool + " missing (apt-get install runc umoci skopeo busybox-static)");
        }
        data = dir.resolve("data");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (shoald != null) {
            shoald.close();
        }
        if (data != null) { // also when shoald never started: the image load's engine ran there
            ShoaldProcess.removeEngineLeftovers(data);
        }
    }

    @Test
    void aServiceRunsRealContainersThatSurviveARestartOfShoaldAndRemovingItRemovesThem() throws Exception {
        Path image = dir.resolve("image");
        assertThat(run("bash", Path.of("images/busybox").toAbsolutePath().toString(), image.toString()).exit()).isZero();
        try (Engine engine = Engine.open(Engine.Settings.defaults(NodeEngine.root(data)))) {
            assertThat(engine.loadOciLayout(image.resolve("oci"), "busybox")).hasSize(1);
        }

        shoald = new ShoaldProcess(data).start();
        Api api = new Api(shoald.api());
        assertThat(api.post("/swarm/init", "{}").status()).isEqualTo(200);
        long created = System.nanoTime();
        assertThat(api.post("/services/create", SERVICE).status()).isEqualTo(201);

        JsonNode running = eventually(() -> runningTasks(api));
        System.out.printf("2 replicas running %d ms after service create%n", (System.nanoTime() - created) / 1_000_000);
        String runcRoot = "--root=" + io.shoal.engine.Engine.Settings.defaults(NodeEngine.root(data)).runcRoot();
        List<String> containers = runcList(runcRoot);
        assertThat(containers).hasSize(2);
        List<String> taskContainers = new ArrayList<>();
        for (JsonNode t : running) {
            taskContainers.add(t.at("/Status/ContainerStatus/ContainerID").asText());
        }
        assertThat(containers).containsExactlyInAnyOrderElementsOf(taskContainers);
        assertThat(run("/usr/sbin/runc", runcRoot, "list", "--format", "json").out()).contains("\"status\":\"running\"");
        if (Files.isExecutable(Path.of("/usr/local/bin/docker"))) {
            String ps = run("/usr/local/bin/docker", "-H", shoald.dockerHost(), "service", "ps", "sleepers").out();
            assertThat(ps).contains("sleepers.1").contains("sleepers.2").contains("Running");
        }

        // A restart of shoald re-adopts the containers: same tasks, same containers, nothing started again.
        // It comes back offering a generic resource, which its new description carries to the scheduler.
        assertThat(shoald.terminate()).isTrue();
        shoald = new ShoaldProcess(data).withArgs("--node-generic-resource", "gpu=GPU-7").start();
        Api again = new Api(shoald.api());
        JsonNode after = eventually(() -> runningTasks(again));
        List<String> afterContainers = new ArrayList<>();
        for (JsonNode t : after) {
            afterContainers.add(t.at("/Status/ContainerStatus/ContainerID").asText());
        }
        assertThat(afterContainers).containsExactlyInAnyOrderElementsOf(taskContainers);
        assertThat(runcList(runcRoot)).containsExactlyInAnyOrderElementsOf(taskContainers);
        assertThat(shoald.log()).contains("task containers found count=2");

        assertThat(again.delete("/services/sleepers").status()).isEqualTo(200);
        eventually(() -> again.get("/tasks").json().isEmpty() && runcList(runcRoot).isEmpty() ? true : null);
        eventually(() -> listContainerDirs().isEmpty() ? true : null);

        // A container that exits non-zero is restarted as its policy says, then given up on.
        assertThat(again.post("/services/create", FAILING).status()).isEqualTo(201);
        JsonNode failed = eventually(() -> {
            JsonNode tasks = again.get("/tasks?filters=" + Api.filters("{\"service\":[\"failing\"]}")).json();
            int ended = 0;
            for (JsonNode t : tasks) {
                ended += "failed".equals(t.at("/Status/State").asText()) ? 1 : 0;
            }
            return ended == 3 ? tasks : null;
        });
        for (JsonNode t : failed) {
            assertThat(t.at("/Status/Err").asText()).isEqualTo("task: non-zero exit (3)");
            assertThat(t.at("/Status/ContainerStatus/ExitCode").asInt()).isEqualTo(3);
        }
        Thread.sleep(3000); // three reconcile passes: a fourth attempt would have been created by now
        assertThat(again.get("/tasks?filters=" + Api.filters("{\"service\":[\"failing\"]}")).json()).hasSize(3);
        assertThat(again.delete("/services/failing").status()).isEqualTo(200);
        eventually(() -> again.get("/tasks").json().isEmpty() && runcList(runcRoot).isEmpty() ? true : null);

        // A generic resource goes to one task only, which sees it as Swarm's DOCKER_RESOURCE_GPU variable.
        eventually(() -> again.get("/nodes").json().get(0).at("/Description/Resources/GenericResources/0/NamedResourceSpec/Value")
                .asText().equals("GPU-7") ? true : null);
        assertThat(again.post("/services/create", GPU).status()).isEqualTo(201);
        eventually(() -> "running".equals(stateOf(again, "trainer", "running")) ? true : null);
        JsonNode tasks = again.get("/tasks?filters=" + Api.filters("{\"service\":[\"trainer\"]}")).json();
        JsonNode holder = null;
        for (JsonNode t : tasks) {
            if ("running".equals(t.at("/Status/State").asText())) {
                holder = t;
            } else {
                assertThat(t.at("/Status/Err").asText()).contains("insufficient resources");
            }
        }
        assertThat(tasks).hasSize(2);
        assertThat(holder.at("/AssignedGenericResources/0/NamedResourceSpec/Kind").asText()).isEqualTo("gpu");
        assertThat(holder.at("/AssignedGenericResources/0/NamedResourceSpec/Value").asText()).isEqualTo("GPU-7");
        String container = holder.at("/Status/ContainerStatus/ContainerID").asText();
        assertThat(again.get("/containers/" + container + "/json").json().at("/Config/Env").toString())
                .contains("DOCKER_RESOURCE_GPU=GPU-7");
        assertThat(again.delete("/services/trainer").status()).isEqualTo(200);
        eventually(() -> again.get("/tasks").json().isEmpty() && runcList(runcRoot).isEmpty() ? true : null);

        // Health checks run inside the container: running once healthy, failed when unhealthy.
        assertThat(again.post("/services/create", checked("healthy", "test -e /tmp/ok")).status()).isEqualTo(201);
        assertThat(again.post("/services/create", checked("unhealthy", "false")).status()).isEqualTo(201);
        eventually(() -> "running".equals(stateOf(again, "healthy")) && "failed".equals(stateOf(again, "unhealthy")) ? true : null);
        JsonNode sick = again.get("/tasks?filters=" + Api.filters("{\"service\":[\"unhealthy\"]}")).json().get(0);
        assertThat(sick.at("/Status/Err").asText()).isEqualTo("task: unhealthy container");
        assertThat(again.delete("/services/healthy").status()).isEqualTo(200);
        assertThat(again.delete("/services/unhealthy").status()).isEqualTo(200);
        eventually(() -> again.get("/tasks").json().isEmpty() && runcList(runcRoot).isEmpty() ? true : null);
    }

    /** A service whose container creates /tmp/ok and sleeps, checked every 200 ms by {@code test}; never restarted. */
    static String checked(String name, String test) {
        return "{\"Name\":\"" + name + "\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\","
                + "\"Args\":[\"sh\",\"-c\",\"touch /tmp/ok; exec sleep 600\"],\"StopGracePeriod\":1000000000,"
                + "\"HealthCheck\":{\"Test\":[\"CMD-SHELL\",\"" + test + "\"],\"Interval\":200000000,\"Retries\":2}},"
                + "\"RestartPolicy\":{\"Condition\":\"none\"}},\"Mode\":{\"Replicated\":{\"Replicas\":1}}}";
    }

    static String stateOf(Api api, String service) throws Exception {
        JsonNode tasks = api.get("/tasks?filters=" + Api.filters("{\"service\":[\"" + service + "\"]}")).json();
        return tasks.size() == 1 ? tasks.get(0).at("/Status/State").asText() : "";
    }

    /** {@code wanted} if any task of the service is in that state, else "". */
    static String stateOf(Api api, String service, String wanted) throws Exception {
        for (JsonNode t : api.get("/tasks?filters=" + Api.filters("{\"service\":[\"" + service + "\"]}")).json()) {
            if (wanted.equals(t.at("/Status/State").asText())) {
                return wanted;
            }
        }
        return "";
    }

    static JsonNode runningTasks(Api api) throws Exception {
        JsonNode tasks = api.get("/tasks?filters=" + Api.filters("{\"service\":[\"sleepers\"],\"desired-state\":[\"running\"]}")).json();
        boolean all = tasks.size() == 2;
        for (JsonNode t : tasks) {
            all &= "running".equals(t.at("/Status/State").asText());
        }
        return all ? tasks : null;
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
