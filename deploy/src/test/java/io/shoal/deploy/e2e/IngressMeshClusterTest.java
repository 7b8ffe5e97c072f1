package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing mesh, as root, on three shoald hosts ({@code deploy/cluster up 3} on a bridge, subnet and namespace
 * names of this test): a service of ONE busybox httpd task publishing {@code 8080:80} in ingress mode (Docker's
 * default) answers on every host's address, the two hosts without its task included — their ports table sends the
 * connection across the ingress VXLAN to the task and the reply comes back through them. Then a second task joins
 * and the first fails its health check: from then on every host sends every connection to the healthy one.
 * Traffic goes only to the hosts' addresses inside the namespaces the script made. The service is removed before
 * {@code down}.
 */
class IngressMeshClusterTest {
    static final String BRIDGE = "sim0";
    static final String PREFIX = "sim-h";
    static final String NET = "10.92.1.";
    static final String MANAGER = "http://" + NET + "1:2375";

    @TempDir
    Path dir;
    ClusterScript cluster;
    final List<String> nodeIds = new ArrayList<>();

    @BeforeEach
    void rootOnly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")), "SKIPPED: nftables missing");
        cluster = ClusterScript.prepare(dir, BRIDGE, PREFIX, NET + "0/24");
    }

    @AfterEach
    void down() throws Exception {
        if (cluster != null) {
            cluster.downAfterRemoving(new Api(MANAGER), List.of("mesh"), nodeIds);
        }
    }

    @Test
    void anIngressPortAnswersOnEveryHostIncludingThoseWithoutATask() throws Exception {
        ClusterScript.Result up = cluster.script("up", "3");
        assertThat(up.code()).as("deploy/cluster up:\n" + up.output() + cluster.logs()).isZero();
        ClusterScript.loadBusybox(dir, List.of(new Api("http://" + NET + "1:2375"), new Api("http://" + NET + "2:2375"), new Api("http://" + NET + "3:2375")));
        Api manager = new Api(MANAGER);
        cluster.await("3 ready nodes", 120, () -> ClusterScript.readyCount(manager.get("/nodes").json()) == 3);
        manager.get("/nodes").json().forEach(n -> nodeIds.add(n.path("ID").asText()));

        String script = "mkdir -p /www && echo \\\"served-by-$(hostname)\\\" > /www/index.html && exec httpd -f -p 80 -h /www";
        // Healthy while /www/sick is absent, checked every 200 ms; a task that fails its check is not restarted.
        Api.Reply created = manager.post("/services/create", "{\"Name\": \"mesh\", \"Mode\": {\"Replicated\": {\"Replicas\": 1}}, "
                + "\"TaskTemplate\": {\"ContainerSpec\": {\"Image\": \"busybox:latest\", \"Command\": [\"sh\", \"-c\", \"" + script + "\"], "
                + "\"StopGracePeriod\": 1000000000, \"HealthCheck\": {\"Test\": [\"CMD\", \"test\", \"!\", \"-e\", \"/www/sick\"], "
                + "\"Interval\": 200000000, \"Retries\": 1}}, \"RestartPolicy\": {\"Condition\": \"none\"}}, "
                + "\"EndpointSpec\": {\"Ports\": [{\"Protocol\": \"tcp\", \"TargetPort\": 80, \"PublishedPort\": 8080}]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        cluster.await("the task running", 120, () -> runningNode(manager) != null);
        String taskNode = runningNode(manager);
        assertThat(manager.get("/services/mesh").json().at("/Endpoint/Ports/0/PublishMode").asText()).isEqualTo("ingress");

        Map<Integer, String> answers = new LinkedHashMap<>();
        for (int k = 1; k <= 3; k++) {
            Api host = new Api("http://" + NET + k + ":8080");
            int hostNo = k;
            cluster.await("host " + k + " answers on its published port", 120, () -> {
                Api.Reply r = host.getUnversioned("/");
                if (r.status() == 200 && r.body().startsWith("served-by-")) {
                    answers.put(hostNo, r.body().strip());
                    return true;
                }
                return false;
            });
            for (int i = 0; i < 10; i++) { // each connection is DNATed again: the rules hold, not just a first packet
                Api.Reply again = host.getUnversioned("/");
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.body().strip()).isEqualTo(answers.get(hostNo));
            }
        }
        assertThat(answers).hasSize(3);
        assertThat(answers.values()).as("one task answers through every host: %s", answers).containsOnly(answers.get(1));
        assertThat(nodeIds).hasSize(3).contains(taskNode);

        // A second task; then the first turns unhealthy: it gets no more traffic, every host sends all to the other.
        String sick = answers.get(1);
        JsonNode first = runningTasks(manager).get(0);
        Api.Reply scaled = manager.post("/services/mesh/update?version=" + manager.get("/services/mesh").json().at("/Version/Index").asLong(),
                manager.get("/services/mesh").json().get("Spec").toString().replace("\"Replicas\":1", "\"Replicas\":2"));
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        cluster.await("two tasks running", 120, () -> runningTasks(manager).size() == 2);
        Api firstHost = new Api("http://" + hostOf(manager, first.path("NodeID").asText()) + ":2375");
        Api.Reply exec = firstHost.post("/containers/" + first.at("/Status/ContainerStatus/ContainerID").asText() + "/exec",
                "{\"Cmd\": [\"touch\", \"/www/sick\"]}");
        assertThat(exec.status()).as(exec.body()).isEqualTo(201);
        Api.Reply started = firstHost.post("/exec/" + exec.json().path("Id").asText() + "/start", "{\"Detach\": true}");
        assertThat(started.status()).as(started.body()).isIn(200, 204);
        cluster.await("the sick task out of service", 120, () -> runningTasks(manager).stream()
                .noneMatch(t -> t.path("ID").asText().equals(first.path("ID").asText())));
        for (int k = 1; k <= 3; k++) {
            Api host = new Api("http://" + NET + k + ":8080");
            int hostNo = k;
            cluster.await("host " + k + " sends every connection to the healthy task", 120, () -> {
                for (int i = 0; i < 10; i++) {
                    Api.Reply r = host.getUnversioned("/");
                    if (r.status() != 200 || r.body().strip().equals(sick)) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(host.getUnversioned("/").body().strip()).as("host %d", hostNo).startsWith("served-by-").isNotEqualTo(sick);
        }
    }

    private static List<JsonNode> runningTasks(Api manager) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : manager.get("/tasks?filters=" + Api.filters("{\"service\":[\"mesh\"]}")).json()) {
            if ("running".equals(t.path("Status").path("State").asText())) {
                out.add(t);
            }
        }
        return out;
    }

    /** The underlay address a node reports. */
    private static String hostOf(Api manager, String nodeId) throws Exception {
        return manager.get("/nodes/" + nodeId).json().at("/Status/Addr").asText();
    }

    /** The node of the service's running task, or null. */
    private static String runningNode(Api manager) throws Exception {
        List<JsonNode> running = runningTasks(manager);
        return running.isEmpty() ? null : running.get(0).path("NodeID").asText();
    }
}
