package io.shoal.manager.http.docker;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Docker API's /networks and the network parts of /services and /tasks over real HTTP, with a real cluster state. */
class NetworkRoutesTest {
    static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    SwarmApiServer server;
    String base;

    record Reply(int status, JsonNode body) {}

    @AfterAll
    static void stopKit() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() throws Exception {
        server = SwarmApiServer.start(KIT, "networks", Duration.ofMinutes(10), cluster -> new DockerApi(cluster, SwarmApiServer.DAEMON).route());
        base = server.base;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    Reply send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
    }

    static String filters(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void createInspectListAndRemoveANetwork() throws Exception {
        Reply created = send("POST", "/v1.49/networks/create", """
                {"Name":"backend","CheckDuplicate":true,"Driver":"overlay","Scope":"swarm","Attachable":true,
                 "IPAM":{"Driver":"default","Config":[{"Subnet":"10.20.0.0/24","Gateway":"10.20.0.254"}]},
                 "Options":{"com.example":"x"},"Labels":{"team":"a"},"EnableIPv6":false}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("Id").asText();
        assertThat(created.body().get("Warning").asText()).isEmpty();

        JsonNode byName = send("GET", "/networks/backend", null).body();
        assertThat(byName.get("Id").asText()).isEqualTo(id);
        assertThat(byName.get("Scope").asText()).isEqualTo("swarm");
        assertThat(byName.get("Driver").asText()).isEqualTo("overlay");
        assertThat(byName.get("Attachable").asBoolean()).isTrue();
        assertThat(byName.at("/IPAM/Config/0/Subnet").asText()).isEqualTo("10.20.0.0/24");
        assertThat(byName.at("/IPAM/Config/0/Gateway").asText()).isEqualTo("10.20.0.254");
        assertThat(byName.at("/Options/com.docker.network.driver.overlay.vxlanid_list").asText()).isEqualTo("4097");
        assertThat(byName.at("/Labels/team").asText()).isEqualTo("a");
        assertThat(send("GET", "/networks/" + id.substring(0, 6), null).body().get("Name").asText()).isEqualTo("backend");

        assertThat(send("GET", "/networks", null).body()).extracting(n -> n.get("Name").asText()).containsExactly("ingress", "backend");
        assertThat(send("GET", "/networks?filters=" + filters("{\"name\":{\"back\":true}}"), null).body()).hasSize(1);
        assertThat(send("GET", "/networks?filters=" + filters("{\"label\":[\"team=b\"]}"), null).body()).isEmpty();
        assertThat(send("GET", "/networks?filters=" + filters("{\"driver\":[\"bridge\"]}"), null).body()).isEmpty();

        Reply connect = send("POST", "/networks/backend/connect", "{\"Container\":\"abc\"}");
        assertThat(connect.status()).isEqualTo(501);
        assertThat(connect.body().get("message").asText()).startsWith("network connect backend: standalone containers cannot join");
        assertThat(send("POST", "/networks/backend/bogus", null).status()).isEqualTo(404);
        assertThat(send("DELETE", "/networks/backend", null).status()).isEqualTo(204);
        Reply gone = send("GET", "/networks/backend", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("message").asText()).isEqualTo("network backend not found");
    }

    @Test
    void badRequestsGetDockersStatusAndAMessageNamingTheField() throws Exception {
        send("POST", "/networks/create", "{\"Name\":\"taken\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.30.0.0/16\"}]}}");
        Reply dup = send("POST", "/networks/create", "{\"Name\":\"taken\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.body().get("message").asText()).isEqualTo("network with name taken already exists");
        Reply overlap = send("POST", "/networks/create", "{\"Name\":\"other\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.30.5.0/24\"}]}}");
        assertThat(overlap.status()).isEqualTo(403);
        assertThat(overlap.body().get("message").asText()).contains("overlaps with network taken");
        Reply badName = send("POST", "/networks/create", "{\"Name\":\"a b\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().get("message").asText()).contains("Name: invalid network name \"a b\"");
        Reply badField = send("POST", "/networks/create", "{\"Name\":\"x\",\"IPAM\":{\"Config\":[{\"Subnett\":\"10.0.0.0/8\"}]}}");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.body().get("message").asText()).contains("unknown field \"Subnett\" in IPAM.Config[0]");
        Reply badDriver = send("POST", "/networks/create", "{\"Name\":\"x\",\"Driver\":\"macvlan\"}");
        assertThat(badDriver.body().get("message").asText()).contains("Driver: unsupported network driver \"macvlan\"");
    }

    @Test
    void servicesOnNetworksShowPortsVipsAndTaskAttachments() throws Exception {
        send("POST", "/networks/create", "{\"Name\":\"backend\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.20.0.0/24\"}]}}");
        Reply created = send("POST", "/services/create", """
                {"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest"},"Networks":[{"Target":"backend","Aliases":["api"]}]},
                 "Mode":{"Replicated":{"Replicas":2}},
                 "EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]}}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode web = send("GET", "/services/web", null).body();
        String backendId = send("GET", "/networks/backend", null).body().get("Id").asText();
        String ingressId = send("GET", "/networks/ingress", null).body().get("Id").asText();
        assertThat(web.at("/Spec/TaskTemplate/Networks/0/Target").asText()).isEqualTo(backendId);
        assertThat(web.at("/Endpoint/Spec/Mode").asText()).isEqualTo("vip");
        assertThat(web.at("/Endpoint/Ports/0/PublishedPort").asInt()).isEqualTo(8080);
        assertThat(web.at("/Endpoint/VirtualIPs")).extracting(v -> v.get("NetworkID").asText() + " " + v.get("Addr").asText())
                .containsExactly(ingressId + " 10.0.0.3/24", backendId + " 10.20.0.2/24"); // 10.0.0.2: the node's ingress endpoint

        JsonNode tasks = send("GET", "/tasks", null).body();
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.get("NetworksAttachments")).hasSize(2);
            assertThat(t.at("/NetworksAttachments/1/Network/Spec/Name").asText()).isEqualTo("backend");
            assertThat(t.at("/NetworksAttachments/1/Addresses/0").asText()).matches("10\\.20\\.0\\.[34]/24");
            assertThat(t.at("/NetworksAttachments/1/Aliases/0").asText()).isEqualTo("api");
        });

        Reply inUse = send("DELETE", "/networks/backend", null);
        assertThat(inUse.status()).isEqualTo(403);
        assertThat(inUse.body().get("message").asText())
                .isEqualTo("error while removing network: network backend id " + backendId + " has active endpoints (service web)");
        Reply clash = send("POST", "/services/create", """
                {"Name":"web2","TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest"}},
                 "EndpointSpec":{"Ports":[{"TargetPort":81,"PublishedPort":8080}]}}""");
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.body().get("message").asText()).startsWith("EndpointSpec.Ports[0].PublishedPort: port '8080' is already in use by service 'web'");
        Reply unknown = send("POST", "/services/create", """
                {"Name":"web3","TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest"},"Networks":[{"Target":"nope"}]}}""");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asText()).isEqualTo("TaskTemplate.Networks[0].Target: network nope not found");

        assertThat(send("DELETE", "/services/web", null).status()).isEqualTo(200);
        send("POST", "/networks/create", "{\"Name\":\"spare\",\"Labels\":{\"keep\":\"yes\"}}");
        send("POST", "/networks/create", "{\"Name\":\"spare2\"}");
        JsonNode pruned = send("POST", "/networks/prune?filters=" + filters("{\"label\":[\"keep\"]}"), null).body();
        assertThat(pruned.get("NetworksDeleted")).extracting(JsonNode::asText).containsExactly("spare");
        pruned = send("POST", "/networks/prune", null).body();
        assertThat(pruned.get("NetworksDeleted")).extracting(JsonNode::asText).containsExactlyInAnyOrder("backend", "spare2");
        assertThat(send("GET", "/networks", null).body()).extracting(n -> n.get("Name").asText()).containsExactly("ingress");
    }
}
