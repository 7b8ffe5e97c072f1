package io.shoal.worker.http;

import io.shoal.engine.registry.PushResult;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.ProgressListener;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.api.error.ApiException;
import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.engine.health.HealthState;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's Docker routes over a real HTTP binding and a fake engine: shapes, errors and Docker's run protocol. */
class NodeRoutesTest {
    /** A node without a registry client: both routes answer 501 with this reason. */
    private static final ImageTransfer NO_REGISTRY = new ImageTransfer() {
        @Override
        public PullResult pull(String reference, AuthConfig auth, ProgressListener progress) {
            throw new ApiException(501, "pulling " + reference + " is not available on this node: no registry client is configured");
        }

        @Override
        public PushResult push(String reference, AuthConfig auth, ProgressListener progress) {
            throw new ApiException(501, "pushing " + reference + " is not available on this node: no registry client is configured");
        }
    };

    @TempDir
    Path state;
    ActorSystem<Void> system;
    ServerBinding binding;
    NodeEndpoints endpoints;
    FakeEngine engine = new FakeEngine();
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void bind() throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "node-routes-test");
        endpoints = NodeEndpoints.create(system, engine, NO_REGISTRY, state);
        binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(endpoints.routes().get(0))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void unbind() {
        endpoints.close();
        binding.unbind();
        system.terminate();
    }

    @Test
    void createChecksNamesImagesAndDuplicates() throws Exception {
        Reply bad = post("/containers/create?name=bad/name", "{\"Image\":\"busybox\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo("Invalid container name (bad/name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThat(post("/containers/create", "{\"Image\":\"nosuch\"}").message()).isEqualTo("No such image: nosuch");
        assertThat(post("/containers/create", "{}").status()).isEqualTo(400);
        String id = create("web", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
        Reply dup = post("/containers/create?name=/web", "{\"Image\":\"busybox\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.message()).startsWith("Conflict. The container name \"/web\" is already in use by container \"" + id + "\"");
    }

    @Test
    void unknownContainersAre404WithDockersMessage() throws Exception {
        for (Reply r : new Reply[] {get("/containers/nope/json"), post("/containers/nope/start", ""),
                delete("/containers/nope"), post("/containers/nope/wait", ""), get("/containers/nope/logs?stdout=1")}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.message()).isEqualTo("No such container: nope");
        }
    }

    @Test
    void inspectHasDockersShape() throws Exception {
        String id = create("web", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo hi\"],\"Tty\":true,\"Labels\":{\"a\":\"b\"},"
                + "\"HostConfig\":{\"AutoRemove\":true,\"Binds\":[\"data:/data\"],\"Memory\":67108864}}");
        JsonNode c = get("/containers/web/json").json();
        assertThat(c.path("Id").asText()).isEqualTo(id);
        assertThat(c.path("Name").asText()).isEqualTo("/web");
        assertThat(c.at("/State/Status").asText()).isEqualTo("created");
        assertThat(c.at("/State/Running").asBoolean()).isFalse();
        assertThat(c.at("/State/StartedAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(c.at("/HostConfig/AutoRemove").asBoolean()).isTrue();
        assertThat(c.at("/HostConfig/Memory").asLong()).isEqualTo(67108864);
        assertThat(c.at("/HostConfig/Binds/0").asText()).isEqualTo("data:/data");
        assertThat(c.at("/Config/Tty").asBoolean()).isTrue();
        assertThat(c.at("/Config/Cmd/2").asText()).isEqualTo("echo hi");
        assertThat(c.at("/Config/Labels/a").asText()).isEqualTo("b");
        assertThat(c.path("Path").asText()).isEqualTo("sh");
        assertThat(c.at("/Args/1").asText()).isEqualTo("echo hi");

        assertThat(post("/containers/web/start", "").status()).isEqualTo(204);
        assertThat(post("/containers/web/start", "").status()).isEqualTo(304);
        JsonNode running = get("/containers/" + id.substring(0, 12) + "/json").json();
        assertThat(running.at("/State/Running").asBoolean()).isTrue();
        assertThat(running.at("/State/Pid").asLong()).isEqualTo(4242);
        assertThat(delete("/containers/web").message()).contains("container is running: stop the container before removing or force remove");
        Instant t = Instant.parse("2026-11-23T00:00:00Z");
        engine.health = new HealthState(HealthState.Status.UNHEALTHY, 3, List.of(new HealthState.Probe(t, t.plusSeconds(1), 1, "down\n")), t);
        JsonNode health = get("/containers/web/json").json().at("/State/Health");
        assertThat(health.path("Status").asText()).isEqualTo("unhealthy");
        assertThat(health.path("FailingStreak").asInt()).isEqualTo(3);
        assertThat(health.at("/Log/0/Output").asText()).isEqualTo("down\n");
        assertThat(health.at("/Log/0/End").asText()).isEqualTo("2026-11-23T00:00:01Z");
        assertThat(get("/containers/json").json().get(0).path("Status").asText()).endsWith(" (unhealthy)");
    }

    @Test
    void listFiltersByStatusNameLabelAndId() throws Exception {
        String a = create("alpha", "{\"Image\":\"busybox\",\"Labels\":{\"tier\":\"web\"}}");
        String b = create("beta", "{\"Image\":\"busybox\"}");
        post("/containers/alpha/start", "");
        assertThat(names(get("/containers/json").json())).isEqualTo("/alpha");
        assertThat(names(get("/containers/json?all=1").json())).isEqualTo("/beta,/alpha");
        assertThat(names(list("{\"status\":{\"created\":true}}"))).isEqualTo("/beta");
        assertThat(names(list("{\"name\":[\"alp\"]}"))).isEqualTo("/alpha");
        assertThat(names(list("{\"label\":{\"tier=web\":true}}"))).isEqualTo("/alpha");
        assertThat(names(list("{\"id\":[\"" + b + "\"]}"))).isEqualTo("/beta");
        JsonNode entry = get("/containers/json").json().get(0);
        assertThat(entry.path("Id").asText()).isEqualTo(a);
        assertThat(entry.path("State").asText()).isEqualTo("running");
        assertThat(entry.path("Status").asText()).startsWith("Up ");
        assertThat(entry.path("Image").asText()).isEqualTo("busybox:latest");
        assertThat(get("/containers/json?filters=" + enc("{\"color\":[\"x\"]}")).message()).isEqualTo("invalid filter 'color'");
    }

    @Test
    void pruneRemovesStoppedContainersOnly() throws Exception {
        create("up", "{\"Image\":\"busybox\"}");
        String stopped = create("down", "{\"Image\":\"busybox\",\"Labels\":{\"k\":\"v\"}}");
        post("/containers/up/start", "");
        assertThat(post("/containers/prune?filters=" + enc("{\"label\":[\"k=other\"]}"), "").json().path("ContainersDeleted")).isEmpty();
        JsonNode pruned = post("/containers/prune", "").json();
        assertThat(pruned.path("ContainersDeleted").get(0).asText()).isEqualTo(stopped);
        assertThat(names(get("/containers/json?all=1").json())).isEqualTo("/up");
    }

    @Test
    void aNodeWithoutAnEngineSaysSoWithA503() throws Exception {
        ServerBinding other = Http.get(system).newServerAt("127.0.0.1", 0).bind(NodeEndpoints.unavailable("runc missing").get(0))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.localAddress().getPort()
                    + "/containers/json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(NodeJson.MAPPER.readTree(r.body()).path("message").asText())
                    .isEqualTo("containers are not available on this node: its engine could not be opened: runc missing");
        } finally {
            other.unbind();
        }
    }

    /** The docker CLI's run: create (AutoRemove) → attach (upgraded) → wait?condition=removed → start → exit code. */
    @Test
    void runAttachesBeforeStartWaitsForRemovalAndReportsTheExitCode() throws Exception {
        String id = create("job", "{\"Image\":\"busybox\",\"HostConfig\":{\"AutoRemove\":true}}");
        try (Socket attach = upgrade("/containers/job/attach?stream=1&stdout=1&stderr=1")) {
            attach.shutdownOutput();
            CompletableFuture<HttpResponse<InputStream>> wait = http.sendAsync(HttpRequest.newBuilder(uri("/containers/job/wait?condition=removed"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> headers = wait.get(10, TimeUnit.SECONDS);
            assertThat(headers.statusCode()).as("wait answers its headers before the container starts").isEqualTo(200);
            assertThat(post("/containers/job/start", "").status()).isEqualTo(204);
            engine.output(id, "stdout", "hi\n");
            engine.output(id, "stderr", "oops\n");
            engine.exit(id, 3);
            byte[] stream = attach.getInputStream().readAllBytes();
            ByteArrayOutputStream want = new ByteArrayOutputStream();
            want.write(RawStream.encode("stdout", "hi\n", false).toArray());
            want.write(RawStream.encode("stderr", "oops\n", false).toArray());
            assertThat(stream).isEqualTo(want.toByteArray());
            String body = new String(headers.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(NodeJson.MAPPER.readTree(body).path("StatusCode").asInt()).isEqualTo(3);
            assertThat(get("/containers/job/json").status()).as("--rm removed it").isEqualTo(404);
        }
    }

    @Test
    void logsAreMultiplexedWithTailAndTimestamps() throws Exception {
        String id = create("talk", "{\"Image\":\"busybox\"}");
        post("/containers/talk/start", "");
        engine.output(id, "stdout", "one\n");
        engine.output(id, "stderr", "two\n");
        engine.output(id, "stdout", "three\n");
        engine.exit(id, 0);
        HttpResponse<byte[]> all = http.send(HttpRequest.newBuilder(uri("/containers/talk/logs?stdout=1&stderr=1&follow=1")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(all.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.multiplexed-stream");
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        want.write(RawStream.encode("stdout", "one\n", false).toArray());
        want.write(RawStream.encode("stderr", "two\n", false).toArray());
        want.write(RawStream.encode("stdout", "three\n", false).toArray());
        assertThat(all.body()).isEqualTo(want.toByteArray());
        byte[] tail = http.send(HttpRequest.newBuilder(uri("/containers/talk/logs?stdout=1&tail=1")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(tail).isEqualTo(RawStream.encode("stdout", "three\n", false).toArray());
        byte[] onlyErr = http.send(HttpRequest.newBuilder(uri("/containers/talk/logs?stderr=1&timestamps=1")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(new String(onlyErr, 8, onlyErr.length - 8, StandardCharsets.UTF_8)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z two\n");
        assertThat(get("/containers/talk/logs").message()).isEqualTo("Bad parameters: you must choose at least one stream");
    }

    @Test
    void execRunsInARunningContainerAndKeepsItsExitCode() throws Exception {
        create("box", "{\"Image\":\"busybox\"}");
        assertThat(post("/containers/box/exec", "{\"Cmd\":[\"true\"]}").status()).isEqualTo(409);
        post("/containers/box/start", "");
        Reply created = post("/containers/box/exec", "{\"Cmd\":[\"sh\",\"fail\"],\"AttachStdout\":true,\"AttachStderr\":true}");
        assertThat(created.status()).isEqualTo(201);
        String exec = created.json().path("Id").asText();
        assertThat(get("/exec/" + exec + "/json").json().path("Running").asBoolean()).isFalse();
        HttpResponse<byte[]> out = http.send(HttpRequest.newBuilder(uri("/exec/" + exec + "/start"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Detach\":false,\"Tty\":false}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(out.body()).isEqualTo(RawStream.encode("stdout", "ran sh fail\n", false).toArray());
        JsonNode inspect = get("/exec/" + exec + "/json").json();
        assertThat(inspect.path("ExitCode").asInt()).isEqualTo(3);
        assertThat(inspect.path("ContainerID").asText()).isEqualTo(engine.inspect("box").id());
        assertThat(get("/exec/nope/json").message()).isEqualTo("No such exec instance: nope");

        String interactive = post("/containers/box/exec", "{\"Cmd\":[\"cat\"],\"AttachStdin\":true,\"AttachStdout\":true}")
                .json().path("Id").asText();
        try (Socket s = upgrade("/exec/" + interactive + "/start", "{\"Detach\":false,\"Tty\":false}")) {
            s.getOutputStream().write("typed".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            assertThat(s.getInputStream().readAllBytes()).as("stdin reaches the exec; its output comes back framed")
                    .isEqualTo(RawStream.encode("stdout", "ran cat\ntyped", false).toArray());
        }
    }

    @Test
    void volumesAndImages() throws Exception {
        assertThat(post("/volumes/create", "{\"Name\":\"data\",\"Labels\":{\"team\":\"a\"}}").json().path("Mountpoint").asText())
                .isEqualTo("/v/data");
        post("/volumes/create", "{}");
        JsonNode labelled = get("/volumes?filters=" + enc("{\"label\":[\"team=a\"]}")).json();
        assertThat(labelled.path("Volumes")).hasSize(1);
        assertThat(get("/volumes/nope").message()).isEqualTo("get nope: no such volume");
        assertThat(post("/volumes/prune", "").json().path("VolumesDeleted").get(0).asText()).isEqualTo("f".repeat(64));
        post("/volumes/create", "{\"Name\":\"other\",\"Labels\":{\"team\":\"b\"}}");
        String all = "\"all\":[\"true\"]";
        assertThat(post("/volumes/prune?filters=" + enc("{" + all + ",\"label\":[\"team=c\"]}"), "").json()
                .path("VolumesDeleted")).as("no volume has team=c").isEmpty();
        assertThat(post("/volumes/prune?filters=" + enc("{" + all + ",\"label!\":[\"team=a\"]}"), "").json()
                .path("VolumesDeleted").toString()).as("label!= keeps data").isEqualTo("[\"other\"]");
        assertThat(post("/volumes/prune?filters=" + enc("{\"lable\":[\"x\"]}"), "").message())
                .isEqualTo("invalid filter 'lable'");
        assertThat(delete("/volumes/data").status()).isEqualTo(204);

        JsonNode images = get("/images/json").json();
        assertThat(images.get(0).path("RepoTags").get(0).asText()).isEqualTo("busybox:latest");
        assertThat(get("/images/busybox:latest/json").json().path("Id").asText()).isEqualTo(FakeEngine.BUSYBOX.id().toString());
        assertThat(get("/images/docker.io/library/busybox/json").status()).isEqualTo(200);
        assertThat(get("/images/nosuch/json").message()).isEqualTo("No such image: nosuch");
        Reply pull = post("/images/create?fromImage=busybox&tag=latest", "");
        assertThat(pull.status()).isEqualTo(501);
        assertThat(pull.message()).contains("no registry client is configured");
        assertThat(post("/images/busybox/push?tag=latest", "").status()).isEqualTo(501);

        assertThat(get("/images/get?names=busybox:latest&names=busybox").body())
                .as("every names value reaches the engine").isEqualTo("saved busybox:latest,busybox");
        assertThat(get("/images/busybox:latest/get").body()).isEqualTo("saved busybox:latest");
        assertThat(get("/images/get?names=busybox&names=nosuch:1").message()).as("404 before any byte")
                .isEqualTo("No such image: nosuch:1");
        assertThat(get("/images/get").message()).isEqualTo("no image names given to save");
        assertThat(get("/images/json?filters=" + enc("{\"dangling\":[\"true\"]}")).json()).isEmpty();
        assertThat(get("/images/json?filters=" + enc("{\"dangling\":[\"false\"]}")).json()).hasSize(1);

        JsonNode dangling = post("/images/prune", "").json();
        assertThat(dangling.path("ImagesDeleted").isNull()).as(dangling.toString()).isTrue();
        assertThat(dangling.path("SpaceReclaimed").asLong()).isZero();
        assertThat(post("/images/prune?filters=" + enc("{\"dangling\":[\"false\"],\"until\":[\"2024-01-01\"]}"), "")
                .json().path("ImagesDeleted").isNull()).as("built after the until date").isTrue();
        assertThat(post("/images/prune?filters=" + enc("{\"until\":[\"soon\"]}"), "").message())
                .startsWith("invalid timestamp soon");
        assertThat(post("/images/prune?filters=" + enc("{\"dangling\":[\"maybe\"]}"), "").status()).isEqualTo(400);
        JsonNode pruned = post("/images/prune?filters=" + enc("{\"dangling\":[\"false\"],\"until\":[\"1h\"]}"), "").json();
        assertThat(pruned.path("ImagesDeleted").toString()).isEqualTo("[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\""
                + FakeEngine.BUSYBOX.id() + "\"}]");
        assertThat(pruned.path("SpaceReclaimed").asLong()).isEqualTo(FakeEngine.BUSYBOX.size());
    }

    record Reply(int status, String body) {
        JsonNode json() throws Exception {
            return NodeJson.MAPPER.readTree(body);
        }

        String message() throws Exception {
            return json().path("message").asText();
        }
    }

    String create(String name, String body) throws Exception {
        Reply r = post("/containers/create?name=" + name, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("Id").asText();
    }

    JsonNode list(String filters) throws Exception {
        return get("/containers/json?all=1&filters=" + enc(filters)).json();
    }

    static String names(JsonNode list) {
        StringBuilder sb = new StringBuilder();
        list.forEach(c -> sb.append(sb.length() == 0 ? "" : ",").append(c.path("Names").get(0).asText()));
        return sb.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path);
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A hijacked request as the docker CLI makes it; returns the socket positioned after the 101 head. */
    Socket upgrade(String path) throws Exception {
        return upgrade(path, "");
    }

    Socket upgrade(String path, String body) throws Exception {
        Socket s = new Socket("127.0.0.1", binding.localAddress().getPort());
        OutputStream out = s.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        InputStream in = s.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101 ").containsIgnoringCase("upgrade: tcp")
                .containsIgnoringCase("content-type: application/vnd.docker.multiplexed-stream");
        return s;
    }
}
