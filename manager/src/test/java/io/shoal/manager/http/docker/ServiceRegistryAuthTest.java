package io.shoal.manager.http.docker;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.model.Service;
import io.shoal.manager.http.ClusterClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --with-registry-auth}: the X-Registry-Auth header of service create/update is kept in the service's
 * container spec (swarmkit's PullOptions) and its tasks', survives updates without the header as dockerd's
 * {@code registryAuthFrom=spec}, and never appears in the API's output.
 */
class ServiceRegistryAuthTest {
    static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALICE = auth("{\"username\":\"alice\",\"password\":\"s3cret\",\"serveraddress\":\"127.0.0.1:5091\"}");
    static final String BOB = auth("{\"username\":\"bob\",\"password\":\"other\"}");
    static final String SPEC = """
            {"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"127.0.0.1:5091/private/app:1"}},
             "Mode":{"Replicated":{"Replicas":1}}}""";
    final HttpClient http = HttpClient.newHttpClient();
    SwarmApiServer server;
    ClusterClient cluster;
    String base;

    record Reply(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static String auth(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopKit() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() throws Exception {
        server = SwarmApiServer.start(KIT, "auth", Duration.ofMinutes(10), cluster -> new DockerApi(cluster, SwarmApiServer.DAEMON).route());
        base = server.base;
        cluster = server.cluster;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    Reply send(String method, String path, String body, String registryAuth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (registryAuth != null) {
            b.header("X-Registry-Auth", registryAuth);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Service web() throws Exception {
        return cluster.read().toCompletableFuture().get().services().stream()
                .filter(s -> s.spec().name().equals("web")).findFirst().orElseThrow();
    }

    String registryAuth(Service s) {
        return s.spec().taskTemplate().containerSpec().registryAuth();
    }

    long version() throws Exception {
        return send("GET", "/services/web", null, null).json().get("Version").get("Index").asLong();
    }

    @Test
    void credentialsAreKeptForTheWorkersAndNeverShown() throws Exception {
        assertThat(send("POST", "/services/create", SPEC, ALICE).status()).isEqualTo(201);
        assertThat(registryAuth(web())).isEqualTo(ALICE);
        assertThat(web().spec().taskTemplate().containerSpec().pullOptions().toString()).doesNotContain(ALICE);

        Reply inspect = send("GET", "/services/web", null, null);
        Reply list = send("GET", "/services", null, null);
        Reply tasks = send("GET", "/tasks", null, null);
        for (Reply r : new Reply[] {inspect, list, tasks}) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(ALICE).doesNotContain("PullOptions").doesNotContain("RegistryAuth");
        }
        assertThat(inspect.json().get("Spec").get("TaskTemplate").get("ContainerSpec").get("Image").asText())
                .isEqualTo("127.0.0.1:5091/private/app:1");

        String update = SPEC.replace("app:1", "app:2");
        assertThat(send("POST", "/services/web/update?version=" + version(), update, null).status()).isEqualTo(200);
        assertThat(registryAuth(web())).as("not given again: kept, as registryAuthFrom=spec").isEqualTo(ALICE);

        assertThat(send("POST", "/services/web/update?version=" + version(), SPEC.replace("app:1", "app:3"), BOB)
                .status()).isEqualTo(200);
        assertThat(registryAuth(web())).isEqualTo(BOB);
        assertThat(send("POST", "/services/web/update?version=" + version() + "&registryAuthFrom=previous-spec",
                SPEC.replace("app:1", "app:4"), null).status()).isEqualTo(200);
        assertThat(registryAuth(web())).as("the previous spec's (app:2)").isEqualTo(ALICE);
        assertThat(send("POST", "/services/web/update?version=" + version() + "&rollback=previous", "", null)
                .status()).isEqualTo(200);
        assertThat(web().spec().taskTemplate().containerSpec().image()).endsWith("app:3");
        assertThat(registryAuth(web())).isEqualTo(BOB);
    }

    @Test
    void aServiceCreatedWithoutTheFlagPullsAnonymously() throws Exception {
        assertThat(send("POST", "/services/create", SPEC, null).status()).isEqualTo(201);
        assertThat(registryAuth(web())).isNull();
        assertThat(send("POST", "/services/create", SPEC.replace("\"web\"", "\"web2\""), "").status()).isEqualTo(201);
    }

    @Test
    void aGarbledHeaderOrABadSourceIsA400() throws Exception {
        Reply bad = send("POST", "/services/create", SPEC, "not base64 !");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).startsWith("invalid X-Registry-Auth header");
        Reply array = send("POST", "/services/create", SPEC, auth("[1]"));
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("message").asText()).contains("JSON object");
        assertThat(send("POST", "/services/create", SPEC, ALICE).status()).isEqualTo(201);
        Reply from = send("POST", "/services/web/update?version=" + version() + "&registryAuthFrom=elsewhere", SPEC,
                null);
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.json().get("message").asText()).contains("registryAuthFrom");
        Reply smuggled = send("POST", "/services/create", SPEC.replace("\"web\"", "\"web3\"").replace("\"Image\"",
                "\"PullOptions\":{\"RegistryAuth\":\"" + BOB + "\"},\"Image\""), null);
        assertThat(smuggled.status()).as("not a Docker API field: dropped as dockerd drops it").isEqualTo(201);
        assertThat(cluster.read().toCompletableFuture().get().services().stream()
                .filter(s -> s.spec().name().equals("web3")).findFirst().orElseThrow().spec().taskTemplate()
                .containerSpec().registryAuth()).isNull();
    }
}
