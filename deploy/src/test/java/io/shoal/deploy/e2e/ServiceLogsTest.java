package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.deploy.role.NodeEngine;
import io.shoal.engine.Engine;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, two real shoald processes on loopback — a manager and a worker that joined it — run a service of two
 * real runc tasks, one on each host, whose containers print three lines (one to stderr) and then a tick a second.
 * {@code GET /services/{id}/logs} on the manager returns every task's lines from both hosts as multiplexed frames
 * prefixed with their node, service and task; a follow sees new lines from both; and the real docker CLI's
 * {@code service logs}, like {@code shoal service logs}, prints {@code name.slot.task@node | line}. Containers and mounts are removed even on failure.
 */
class ServiceLogsTest {
    static final String SERVICE = "{\"Name\":\"talkers\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\","
            + "\"Args\":[\"sh\",\"-c\",\"echo one; echo two >&2; echo three; i=0; while true; do sleep 1; i=$((i+1)); echo tick $i; done\"],"
            + "\"StopGracePeriod\":1000000000},\"Placement\":{\"MaxReplicas\":1}},\"Mode\":{\"Replicated\":{\"Replicas\":2}}}";
    @TempDir
    Path dir;
    ShoaldProcess manager;
    ShoaldProcess worker;
    final List<Path> dataRoots = new ArrayList<>();

    record Frame(int stream, String text) {}

    @BeforeEach
    void rootOnly() {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: needs root to run containers");
        for (String tool : List.of("/usr/sbin/runc", "/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "SKIPPED: " + tool + " missing (apt-get install runc umoci skopeo busybox-static)");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (manager != null) {
            manager.close();
        }
        for (Path data : dataRoots) { // also those whose shoald never started
            ShoaldProcess.removeEngineLeftovers(data);
        }
    }

    @Test
    void serviceLogsGatherEveryTasksLinesFromBothHosts() throws Exception {
        Path image = dir.resolve("image");
        assertThat(ServiceContainersTest.run("bash", Path.of("images/busybox").toAbsolutePath().toString(), image.toString()).exit()).isZero();
        for (String name : List.of("m", "w")) {
            Path data = dir.resolve(name);
            dataRoots.add(data);
            try (Engine engine = Engine.open(Engine.Settings.defaults(NodeEngine.root(data)))) {
                assertThat(engine.loadOciLayout(image.resolve("oci"), "busybox")).hasSize(1);
            }
        }
        manager = new ShoaldProcess(dir.resolve("m")).start();
        worker = new ShoaldProcess(dir.resolve("w")).start();
        Api m = new Api(manager.api());
        assertThat(m.post("/swarm/init", "{\"AdvertiseAddr\":\"127.0.0.1\"}").status()).isEqualTo(200);
        String token = m.get("/swarm").json().path("JoinTokens").path("Worker").asText();
        Api.Reply joined = new Api(worker.api()).post("/swarm/join", "{\"RemoteAddrs\":[\"" + manager.clusterAddr()
                + "\"],\"JoinToken\":\"" + token + "\",\"AdvertiseAddr\":\"127.0.0.1\"}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        eventually(() -> readyNodes(m) == 2 ? true : null);

        assertThat(m.post("/services/create", SERVICE).status()).isEqualTo(201);
        JsonNode tasks = eventually(() -> running(m));
        String serviceId = tasks.get(0).path("ServiceID").asText();
        Map<String, String> nodeOf = new HashMap<>();
        for (JsonNode t : tasks) {
            nodeOf.put(t.path("ID").asText(), t.path("NodeID").asText());
        }
        assertThat(new HashSet<>(nodeOf.values())).as("one task on each host").hasSize(2);

        // Everything so far: each task's first three lines, in order, on their streams, with their context.
        Map<String, List<Frame>> all = eventually(() -> {
            Map<String, List<Frame>> byTask = byTask(frames(get(m, "/services/talkers/logs?stdout=1&stderr=1&details=1"), -1),
                    serviceId, nodeOf);
            return byTask.size() == 2 && byTask.values().stream().allMatch(f -> f.size() >= 3) ? byTask : null;
        });
        for (List<Frame> frames : all.values()) {
            // stdout and stderr are separate pipes, so "two" may be logged before or after its neighbours
            assertThat(frames.subList(0, 3)).containsExactlyInAnyOrder(new Frame(1, "one\n"), new Frame(2, "two\n"), new Frame(1, "three\n"));
            assertThat(frames.subList(0, 3).stream().filter(f -> f.stream() == 1)).containsExactly(new Frame(1, "one\n"), new Frame(1, "three\n"));
            assertThat(frames.subList(3, frames.size())).allMatch(f -> f.stream() == 1 && f.text().matches("tick \\d+\n"));
        }

        // tail=2, stdout only: the last two stdout lines of each task.
        Map<String, List<Frame>> tail = byTask(frames(get(m, "/services/" + serviceId + "/logs?stdout=1&details=1&tail=2"), -1),
                serviceId, nodeOf);
        assertThat(tail).hasSize(2).allSatisfy((task, frames) -> assertThat(frames).hasSize(2).allMatch(f -> f.stream() == 1));

        // A follow from now sees new ticks from both hosts; closing it ends the request.
        try (InputStream follow = get(m, "/services/talkers/logs?stdout=1&stderr=1&details=1&tail=0&follow=1")) {
            Set<String> ticked = new HashSet<>();
            while (ticked.size() < 2) {
                List<Frame> one = frames(follow, 1);
                assertThat(one).as("the follow went on").hasSize(1);
                String[] parts = one.get(0).text().split(" ", 2);
                assertThat(parts[1]).matches("tick \\d+\n");
                ticked.add(context(parts[0], serviceId, nodeOf));
            }
        }

        // One task by id prefix, with timestamps.
        String task = nodeOf.keySet().iterator().next();
        List<Frame> timed = frames(get(m, "/tasks/" + task.substring(0, 10) + "/logs?stdout=1&timestamps=1&tail=all"), -1);
        assertThat(timed.get(0).text()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z one\n");
        assertThat(m.get("/services/nothing/logs?stdout=1").status()).isEqualTo(404);

        if (Files.isExecutable(Path.of("/usr/local/bin/docker"))) {
            ServiceContainersTest.Run cli = ServiceContainersTest.run("/usr/local/bin/docker", "-H", manager.dockerHost(),
                    "service", "logs", "--tail", "3", "talkers");
            assertThat(cli.exit()).as(cli.out()).isZero();
            List<String> lines = cli.out().lines().toList();
            assertThat(lines).hasSize(6).allMatch(l -> l.matches("talkers\\.[12]\\.[0-9a-z]{12}@\\S+ +\\| (one|two|three|tick \\d+)"));
            ServiceContainersTest.Run one = ServiceContainersTest.run("/usr/local/bin/docker", "-H", manager.dockerHost(),
                    "service", "logs", "-t", "--no-task-ids", task);
            assertThat(one.exit()).as(one.out()).isZero();
            assertThat(one.out().lines().findFirst().orElseThrow())
                    .matches("\\S+Z talkers\\.[12]@\\S+ +\\| one");
        }
        // The shoal CLI prints the same prefixes, stderr lines on its stderr.
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.shoal.cli.ShoalCli.run(Map.of(io.shoal.cli.ShoalCli.HOST_ENV, manager.dockerHost()), java.time.Clock.systemUTC(),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), "service", "logs", "talkers");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.endsWith("| one"))).hasSize(2)
                .allMatch(l -> l.matches("talkers\\.[12]\\.[0-9a-z]{12}@\\S+ +\\| one"));
        assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.matches("talkers\\.[12]\\.[0-9a-z]{12}@\\S+ +\\| two"));
        assertThat(m.delete("/services/talkers").status()).isEqualTo(200);
    }

    /** The frames by task, checking each one's details prefix names the task's node and service. */
    static Map<String, List<Frame>> byTask(List<Frame> frames, String serviceId, Map<String, String> nodeOf) {
        Map<String, List<Frame>> out = new HashMap<>();
        for (Frame f : frames) {
            String[] parts = f.text().split(" ", 2);
            out.computeIfAbsent(context(parts[0], serviceId, nodeOf), k -> new ArrayList<>()).add(new Frame(f.stream(), parts[1]));
        }
        return out;
    }

    /** The task id of a details prefix, which must be exactly what dockerd writes for that task. */
    static String context(String details, String serviceId, Map<String, String> nodeOf) {
        String task = details.substring(details.lastIndexOf('=') + 1);
        assertThat(details).isEqualTo("com.docker.swarm.node.id=" + nodeOf.get(task) + ",com.docker.swarm.service.id=" + serviceId
                + ",com.docker.swarm.task.id=" + task);
        return task;
    }

    /** Up to {@code max} frames (-1: all until the end of the body), closing the body when all were read. */
    static List<Frame> frames(InputStream body, int max) throws IOException {
        DataInputStream in = new DataInputStream(body);
        List<Frame> out = new ArrayList<>();
        while (max < 0 || out.size() < max) {
            int stream;
            try {
                stream = in.readUnsignedByte();
            } catch (EOFException end) {
                break;
            }
            in.skipNBytes(3);
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            out.add(new Frame(stream, new String(payload, StandardCharsets.UTF_8)));
        }
        if (max < 0) {
            in.close();
        }
        return out;
    }

    static InputStream get(Api api, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiBase(api) + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    static String apiBase(Api api) {
        return api.base();
    }

    static int readyNodes(Api m) throws Exception {
        int ready = 0;
        for (JsonNode n : m.get("/nodes").json()) {
            ready += n.path("Status").path("State").asText().equals("ready") ? 1 : 0;
        }
        return ready;
    }

    static JsonNode running(Api m) throws Exception {
        JsonNode tasks = m.get("/tasks?filters=" + Api.filters("{\"service\":[\"talkers\"],\"desired-state\":[\"running\"]}")).json();
        boolean all = tasks.size() == 2;
        for (JsonNode t : tasks) {
            all &= "running".equals(t.at("/Status/State").asText());
        }
        return all ? tasks : null;
    }

    <T> T eventually(Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            T value;
            try {
                value = check.call();
            } catch (IOException restarting) {
                value = null; // the worker's daemon is between two actor systems after its join
            }
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 90 s; manager's log:\n" + manager.log()
                        + "\nworker's log:\n" + worker.log());
            }
            Thread.sleep(300);
        }
    }
}
