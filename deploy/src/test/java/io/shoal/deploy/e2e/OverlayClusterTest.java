package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, three shoald hosts ({@code deploy/cluster up 3} on a bridge, subnet and namespace names of this test):
 * a service of 3 busybox httpd tasks on overlay {@code front}, one per host, a task of another overlay, and a
 * client task on {@code front}. The client resolves {@code web} to the VIP and {@code tasks.web} to 3 addresses,
 * its connections to {@code web} reach all 3 backends across the VXLANs, and the task of the other network is
 * neither resolvable nor reachable. Services are removed before {@code down} (which removes the task namespaces
 * with the containers), and nothing is left.
 */
class OverlayClusterTest {
    static final String BRIDGE = "shdp0";
    static final String PREFIX = "shdp-h";
    static final String SUBNET = "10.76.0.0/24";
    static final String MANAGER = "http://10.76.0.1:2375";

    @TempDir
    Path dir;
    ClusterScript cluster;
    final List<String> nodeIds = new ArrayList<>();

    @BeforeEach
    void rootOnly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")), "SKIPPED: nftables missing");
        cluster = ClusterScript.prepare(dir, BRIDGE, PREFIX, SUBNET);
    }

    @AfterEach
    void down() throws Exception {
        if (cluster != null) {
            cluster.downAfterRemoving(new Api(MANAGER), List.of("client", "web", "lone"), nodeIds);
        }
    }

    @Test
    void tasksReachAServiceOnOtherHostsByNameThroughItsVipAndNotAnotherNetwork() throws Exception {
        ClusterScript.Result up = cluster.script("up", "3");
        assertThat(up.code()).as("deploy/cluster up:\n" + up.output() + cluster.logs()).isZero();
        ClusterScript.loadBusybox(dir, List.of(new Api("http://10.76.0.1:2375"), new Api("http://10.76.0.2:2375"), new Api("http://10.76.0.3:2375")));
        Api manager = new Api(MANAGER);
        cluster.await("3 ready nodes", 120, () -> ClusterScript.readyCount(manager.get("/nodes").json()) == 3);
        manager.get("/nodes").json().forEach(n -> nodeIds.add(n.path("ID").asText()));
        for (String network : List.of("front", "other")) {
            Api.Reply n = manager.post("/networks/create", "{\"Name\": \"" + network + "\", \"Driver\": \"overlay\"}");
            assertThat(n.status()).as(n.body()).isEqualTo(201);
        }
        create(manager, "web", 3, "front", "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www",
                ", \"Placement\": {\"MaxReplicas\": 1}");
        create(manager, "lone", 1, "other", "mkdir -p /www && echo lone > /www/index.html && exec httpd -f -p 8080 -h /www", "");
        cluster.await("web and lone running", 120, () -> running(manager, "web") == 3 && running(manager, "lone") == 1);
        create(manager, "client", 1, "front", String.join("; ",
                "nslookup web", "nslookup tasks.web", "nslookup lone",
                "for i in $(seq 1 40); do echo \"GOT $(wget -q -O - http://web:8080/)\"; done",
                "LONE=$(nslookup tasks.lone 2>/dev/null | grep -c Address)",
                "echo \"LONE_ADDRESSES $LONE\"", "echo DONE", "exec sleep 600"), "");

        cluster.await("client finished", 120, () -> manager.get("/services/client/logs?stdout=1&stderr=1").body().contains("DONE"));
        String out = manager.get("/services/client/logs?stdout=1&stderr=1").body();
        String vip = vipOf(manager, "web");
        assertThat(out).as(out).contains("Address: " + vip);
        Set<String> backends = new TreeSet<>();
        Matcher m = Pattern.compile("GOT (\\w+)").matcher(out);
        while (m.find()) {
            backends.add(m.group(1));
        }
        assertThat(backends).as("hosts answering through the VIP:\n" + out).hasSize(3);
        Set<String> taskAddresses = new TreeSet<>();
        Pattern address = Pattern.compile("Address:\\s*(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s*$");
        String[] lines = out.split("\n"); // each log line is a frame of its own, behind an 8-byte header
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].contains("Name:") && lines[i].contains("tasks.web")) {
                Matcher a = address.matcher(lines[i + 1]);
                if (a.find()) {
                    taskAddresses.add(a.group(1));
                }
            }
        }
        assertThat(taskAddresses).as("tasks.web:\n" + out).hasSize(3).doesNotContain(vip);
        assertThat(out).doesNotContain(vipOf(manager, "lone"));
    }

    private static void create(Api manager, String name, int replicas, String network, String script, String placement) throws Exception {
        String command = script.replace("\\", "\\\\").replace("\"", "\\\"");
        Api.Reply created = manager.post("/services/create", "{\"Name\": \"" + name + "\", \"Mode\": {\"Replicated\": {\"Replicas\": "
                + replicas + "}}, \"TaskTemplate\": {\"ContainerSpec\": "
                + "{\"Image\": \"busybox:latest\", \"Command\": [\"sh\", \"-c\", \"" + command + "\"], \"StopGracePeriod\": 1000000000}"
                + placement + ", \"Networks\": [{\"Target\": \"" + network + "\"}]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String vipOf(Api manager, String service) throws Exception {
        String addr = manager.get("/services/" + service).json().path("Endpoint").path("VirtualIPs").path(0).path("Addr").asText();
        return addr.substring(0, addr.indexOf('/'));
    }

    private static int running(Api api, String service) throws Exception {
        int n = 0;
        for (JsonNode t : api.get("/tasks?filters=" + java.net.URLEncoder.encode("{\"service\":[\"" + service + "\"]}",
                StandardCharsets.UTF_8)).json()) {
            if ("running".equals(t.path("Status").path("State").asText())) {
                n++;
            }
        }
        return n;
    }
}
