package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Docker Engine API of a real shoald on a loopback port, from an inactive node to a swarm with services. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonApiTest {
    /** busybox:latest is not loaded on this node, and a rejected task is not restarted: the state settles. */
    static final String WEB = "{\"Name\":\"web\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\",\"Args\":[\"sleep\",\"60\"]},"
            + "\"RestartPolicy\":{\"Condition\":\"none\"}},\"Mode\":{\"Replicated\":{\"Replicas\":2}}}";
    @TempDir
    static Path dir;
    static ShoaldProcess shoald;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        shoald = new ShoaldProcess(dir.resolve("data")).start();
        api = new Api(shoald.api());
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoald != null) {
            assertThat(shoald.terminate()).as("shoald stops on SIGTERM").isTrue();
            assertThat(shoald.log()).contains("shoald stopped");
        }
    }

    @Test
    @Order(1)
    void beforeInitTheNodeAnswersAsAnInactiveNode() throws Exception {
        assertThat(api.get("/info").json().at("/Swarm/LocalNodeState").asText()).isEqualTo("inactive");
        Api.Reply services = api.get("/services");
        assertThat(services.status()).isEqualTo(503);
        assertThat(services.message()).startsWith("This node is not a swarm manager.");
        assertThat(api.post("/services/create", WEB).status()).isEqualTo(503);
        JsonNode version = api.get("/version").json();
        assertThat(version.get("ApiVersion").asText()).isEqualTo("1.49");
        assertThat(version.get("MinAPIVersion").asText()).isEqualTo("1.24");
    }

    @Test
    @Order(2)
    void swarmInitMakesThisNodeTheLeader() throws Exception {
        Api.Reply init = api.post("/swarm/init", "{\"ListenAddr\":\"0.0.0.0:2377\",\"AdvertiseAddr\":\"127.0.0.1\"}");
        assertThat(init.status()).isEqualTo(200);
        String nodeId = init.json().asText();
        assertThat(nodeId).matches("[0-9a-z]{25}");
        assertThat(api.post("/swarm/init", "{}").status()).isEqualTo(503);
        assertThat(api.get("/swarm").json().at("/JoinTokens/Worker").asText()).startsWith("SWMTKN-1-");
        JsonNode info = api.get("/info").json().get("Swarm");
        assertThat(info.get("LocalNodeState").asText()).isEqualTo("active");
        assertThat(info.get("NodeID").asText()).isEqualTo(nodeId);
        JsonNode node = api.get("/nodes/" + nodeId).json();
        assertThat(node.at("/Spec/Role").asText()).isEqualTo("manager");
        assertThat(node.at("/ManagerStatus/Leader").asBoolean()).isTrue();
        assertThat(node.at("/Status/State").asText()).isEqualTo("ready");
    }

    @Test
    @Order(3)
    void servicesAreCreatedFoundUpdatedAndScaled() throws Exception {
        Api.Reply created = api.post("/services/create", WEB);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("ID").asText();
        assertThat(api.get("/services/web").json().get("ID").asText()).isEqualTo(id);
        assertThat(api.get("/services/" + id.substring(0, 6)).json().get("ID").asText()).isEqualTo(id);
        JsonNode listed = api.get("/services?status=true&filters=" + Api.filters("{\"name\":{\"web\":true}}")).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/ServiceStatus/DesiredTasks").asLong()).isEqualTo(2);

        JsonNode tasks = settled(2);
        for (JsonNode t : tasks) {
            assertThat(t.get("ServiceID").asText()).isEqualTo(id);
            assertThat(t.at("/Status/Err").asText()).as("the worker says why").isNotEmpty();
        }

        long version = api.get("/services/web").json().at("/Version/Index").asLong();
        Api.Reply stale = api.post("/services/" + id + "/update?version=" + (version - 1), WEB.replace("\"Replicas\":2", "\"Replicas\":4"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.message()).startsWith("update out of sequence");
        assertThat(api.post("/services/" + id + "/update?version=" + version, WEB.replace("\"Replicas\":2", "\"Replicas\":4")).status()).isEqualTo(200);
        JsonNode after = api.get("/services/web").json();
        assertThat(after.at("/Spec/Mode/Replicated/Replicas").asLong()).isEqualTo(4);
        assertThat(after.at("/Version/Index").asLong()).isGreaterThan(version);
        assertThat(api.get("/tasks?filters=" + Api.filters("{\"service\":[\"web\"],\"desired-state\":[\"running\"]}")).json()).hasSize(4);
        settled(4);
    }

    /**
     * The service's tasks once the worker has taken them: rejected, since the image is not on the node
     * (or the node has no engine when the test is not root).
     */
    static JsonNode settled(int count) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode tasks = api.get("/tasks?filters=" + Api.filters("{\"service\":[\"web\"],\"desired-state\":[\"running\"]}")).json();
            boolean done = tasks.size() == count;
            for (JsonNode t : tasks) {
                done &= "rejected".equals(t.at("/Status/State").asText());
            }
            if (done) {
                return tasks;
            }
            assertThat(System.nanoTime()).as("tasks rejected within 30 s: " + tasks).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @ParameterizedTest
    @Order(4)
    @CsvSource(delimiter = '|', value = {
            "POST|/services/create|{\"Name\":\"x\",|400|malformed JSON",
            "POST|/services/create|{\"Name\":\"x\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"b\",\"Imagee\":1}}}|400|unknown field \"Imagee\" in TaskTemplate.ContainerSpec",
            "POST|/services/create|{\"Name\":\"no spaces\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"b\"}}}|400|invalid spec: Name: name must be valid as a DNS name component",
            "POST|/services/create|{\"Name\":\"neg\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"b\"}},\"Mode\":{\"Replicated\":{\"Replicas\":-1}}}|400|invalid spec: Mode.Replicated.Replicas: replicas must not be negative",
            "POST|/services/create|{\"Name\":\"noimage\",\"TaskTemplate\":{\"ContainerSpec\":{}}}|400|invalid spec: TaskTemplate.ContainerSpec.Image: image reference must be provided",
            "POST|/services/create|{\"Name\":\"web\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"b\"}}}|409|name conflicts with an existing object: service web already exists",
            "GET|/services/doesnotexist||404|service doesnotexist not found",
            "GET|/tasks/doesnotexist||404|task doesnotexist not found",
            "POST|/services/web/update|{}|400|the version query parameter is required",
            "POST|/services/web/update?version=abc|{}|400|invalid version \"abc\"",
            "GET|/services?filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D||400|invalid filter 'bogus'",
            "DELETE|/services/doesnotexist||404|service doesnotexist not found",
            "GET|/no/such/path||404|page not found"})
    void badInputGetsDockersStatusAndAMessageAndChangesNothing(String method, String path, String body, int status, String message) throws Exception {
        String before = api.get("/services").body() + api.get("/tasks").body();
        Api.Reply r = switch (method) {
            case "POST" -> api.post(path, body == null ? "" : body);
            case "DELETE" -> api.delete(path);
            default -> api.get(path);
        };
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.message()).startsWith(message);
        assertThat(api.get("/services").body() + api.get("/tasks").body()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void drainingTheOnlyNodeLeavesTasksPendingWithAReason() throws Exception {
        JsonNode node = api.get("/nodes").json().get(0);
        String id = node.get("ID").asText();
        long version = node.at("/Version/Index").asLong();
        assertThat(api.post("/nodes/" + id + "/update?version=" + version,
                "{\"Labels\":{\"dc\":\"east\"},\"Role\":\"manager\",\"Availability\":\"drain\"}").status()).isEqualTo(200);
        assertThat(api.get("/nodes/" + id).json().at("/Spec/Labels/dc").asText()).isEqualTo("east");
        JsonNode tasks = api.get("/tasks?filters=" + Api.filters("{\"service\":[\"web\"],\"desired-state\":[\"running\"]}")).json();
        assertThat(tasks).hasSize(4).allSatisfy(t -> {
            assertThat(t.at("/Status/State").asText()).isEqualTo("pending");
            assertThat(t.at("/Status/Err").asText()).isEqualTo("no suitable node (1 node not available for new tasks)");
        });
        assertThat(api.post("/nodes/" + id + "/update?version=" + (version + 1000), "{\"Role\":\"manager\",\"Availability\":\"active\"}").status()).isEqualTo(409);
        long now = api.get("/nodes/" + id).json().at("/Version/Index").asLong();
        assertThat(api.post("/nodes/" + id + "/update?version=" + now, "{\"Role\":\"manager\",\"Availability\":\"active\"}").status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void removingAServiceRemovesItsTasks() throws Exception {
        assertThat(api.delete("/services/web").status()).isEqualTo(200);
        assertThat(api.get("/services/web").status()).isEqualTo(404);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!api.get("/tasks").json().isEmpty()) { // a task the worker holds goes once it has ended there
            assertThat(System.nanoTime()).as("tasks gone within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(api.getUnversioned("/v1.50/info").message()).isEqualTo("client version 1.50 is too new. Maximum supported API version is 1.49");
        assertThat(api.getUnversioned("/v1.12/info").status()).isEqualTo(400);
        assertThat(api.getUnversioned("/info").status()).isEqualTo(200);
    }
}
