package io.shoal.manager.http.docker;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import akka.stream.javadsl.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.manager.ca.LocalMembership;
import io.shoal.manager.logs.TaskLogs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /services/{id}/logs} and {@code /tasks/{id}/logs} over real HTTP, a real cluster state and fake task output. */
class LogRoutesTest {
    static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2026-11-23T08:00:00Z");
    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, LogsProtocol.Selection> asked = new ConcurrentHashMap<>();
    SwarmApiServer server;
    String base;

    record Frame(int stream, String text) {}

    @AfterAll
    static void stopKit() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() throws Exception {
        TaskLogs logs = (node, task, selection) -> {
            asked.put(task, selection);
            return Source.from(List.of(new LogsProtocol.Line(false, T, "out of " + task + "\n"),
                    new LogsProtocol.Line(true, T, "err of " + task + "\n")));
        };
        server = SwarmApiServer.start(KIT, "logs", Duration.ofMillis(100), cluster -> new DockerApi(cluster, SwarmApiServer.DAEMON, List.of(), LocalMembership.UNSUPPORTED, logs).route());
        base = server.base + "/v1.44";
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String create(String name, boolean tty) throws Exception {
        String spec = "{\"Name\":\"" + name + "\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\",\"TTY\":" + tty
                + "}},\"Mode\":{\"Replicated\":{\"Replicas\":2}}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/services/create"))
                .POST(HttpRequest.BodyPublishers.ofString(spec)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).path("ID").asText();
        for (int i = 0; i < 200; i++) {
            JsonNode tasks = JSON.readTree(get("/tasks").body());
            long placed = 0;
            for (JsonNode t : tasks) {
                placed += t.path("ServiceID").asText().equals(id) && t.path("NodeID").asText().equals("node1") ? 1 : 0;
            }
            if (placed == 2) {
                return id;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service's two tasks were not placed on node1");
    }

    static List<Frame> frames(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body);
        List<Frame> out = new ArrayList<>();
        while (b.remaining() >= 8) {
            int stream = b.get();
            b.get();
            b.get();
            b.get();
            byte[] payload = new byte[b.getInt()];
            b.get(payload);
            out.add(new Frame(stream, new String(payload, StandardCharsets.UTF_8)));
        }
        assertThat(b.remaining()).as("bytes after the last whole frame").isZero();
        return out;
    }

    @Test
    void everyTasksLinesComeAsFramesPrefixedWithTheirNodeServiceAndTask() throws Exception {
        String id = create("web", false);
        HttpResponse<byte[]> r = get("/services/web/logs?stdout=1&stderr=1&details=1&tail=5&since=1700000000.5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.multiplexed-stream");
        List<Frame> frames = frames(r.body());
        assertThat(frames).hasSize(4);
        assertThat(asked).hasSize(2);
        for (String task : asked.keySet()) {
            String prefix = "com.docker.swarm.node.id=node1,com.docker.swarm.service.id=" + id + ",com.docker.swarm.task.id=" + task + " ";
            assertThat(frames).contains(new Frame(1, prefix + "out of " + task + "\n"), new Frame(2, prefix + "err of " + task + "\n"));
        }
        assertThat(asked.values()).allSatisfy(s -> assertThat(s)
                .isEqualTo(new LogsProtocol.Selection(true, true, Instant.ofEpochSecond(1_700_000_000L, 500_000_000), 5, false)));
    }

    @Test
    void oneTasksLogsWithTimestampsAndOnlyTheStreamAskedFor() throws Exception {
        create("api", false);
        String task = JSON.readTree(get("/tasks").body()).get(0).path("ID").asText();
        List<Frame> frames = frames(get("/tasks/" + task.substring(0, 8) + "/logs?stdout=true&timestamps=1").body());
        assertThat(frames).containsExactly(new Frame(1, "2026-11-23T08:00:00.000000000Z out of " + task + "\n"),
                new Frame(2, "2026-11-23T08:00:00.000000000Z err of " + task + "\n"));
        assertThat(asked.get(task).stdout()).isTrue();
        assertThat(asked.get(task).stderr()).isFalse();
    }

    @Test
    void aTtyServicesLogsAreRaw() throws Exception {
        create("term", true);
        HttpResponse<byte[]> r = get("/services/term/logs?stdout=1&stderr=1");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.raw-stream");
        assertThat(new String(r.body(), StandardCharsets.UTF_8).lines()).hasSize(4).allMatch(l -> l.contains(" of "));
    }

    @Test
    void unknownObjectsAndBadParametersAreDockerErrors() throws Exception {
        create("web", false);
        assertThat(error(get("/services/nope/logs?stdout=1"), 404)).isEqualTo("service nope not found");
        assertThat(error(get("/tasks/nope/logs?stdout=1"), 404)).isEqualTo("task nope not found");
        assertThat(error(get("/services/web/logs"), 400)).isEqualTo("Bad parameters: you must choose at least one stream");
        assertThat(error(get("/services/web/logs?stdout=1&tail=ten"), 400)).contains("\"ten\"");
        assertThat(error(get("/services/web/logs?stdout=1&since=yesterday"), 400)).contains("\"yesterday\"");
        assertThat(asked).isEmpty();
    }

    static String error(HttpResponse<byte[]> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        return JSON.readTree(r.body()).path("message").asText();
    }
}
