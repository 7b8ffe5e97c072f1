package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, {@code deploy/cluster up 3} starts three shoald hosts in network namespaces on a private bridge,
 * initialises the swarm on h1 and joins the other two with the worker token (certificates from h1's CA,
 * Akka over mutual TLS); h1 then lists three ready nodes, one manager and two workers. {@code down} leaves
 * no namespace, bridge, process or state behind, and runs even when the test fails. The hosts run this
 * build's classes (a launcher over the test classpath), on their own bridge, subnet and namespace names.
 */
class ClusterScriptTest {
    static final String BRIDGE = "shtst0";
    static final String PREFIX = "shtst-h";
    static final String SUBNET = "10.78.0.0/24";
    static final String MANAGER = "http://10.78.0.1:2375";

    @TempDir
    Path dir;
    ClusterScript cluster;
    Path state;

    @BeforeEach
    void rootOnly() throws Exception {
        cluster = ClusterScript.prepare(dir, BRIDGE, PREFIX, SUBNET);
        state = cluster.state;
    }

    @AfterEach
    void down() throws Exception {
        if (state != null) {
            ClusterScript.Result r = cluster.script("down");
            assertThat(r.code()).as(r.output()).isZero();
            assertNothingLeft();
        }
    }

    @Test
    void threeHostsJoinTheSwarmAndDownLeavesNothing() throws Exception {
        ClusterScript.Result up = cluster.script("up", "3");
        assertThat(up.code()).as("deploy/cluster up:\n" + up.output() + cluster.logs()).isZero();

        Api api = new Api(MANAGER);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode nodes = api.get("/nodes").json();
        while (ClusterScript.readyCount(nodes) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            nodes = api.get("/nodes").json();
        }
        assertThat(ClusterScript.readyCount(nodes)).as(nodes.toString() + cluster.logs()).isEqualTo(3);
        List<String> roles = new ArrayList<>();
        List<String> addrs = new ArrayList<>();
        nodes.forEach(n -> {
            roles.add(n.path("Spec").path("Role").asText());
            addrs.add(n.path("Status").path("Addr").asText());
        });
        assertThat(roles).containsExactlyInAnyOrder("manager", "worker", "worker");
        assertThat(addrs).containsExactlyInAnyOrder("10.78.0.1", "10.78.0.2", "10.78.0.3");
        // What each node reported at join: its own hostname (the namespace's), platform and resources.
        for (JsonNode n : nodes) {
            String addr = n.at("/Status/Addr").asText();
            assertThat(n.at("/Description/Hostname").asText()).isEqualTo(PREFIX + addr.substring(addr.lastIndexOf('.') + 1));
            assertThat(n.at("/Description/Platform/OS").asText()).isEqualTo("linux");
            assertThat(n.at("/Description/Platform/Architecture").asText()).isNotEmpty();
            assertThat(n.at("/Description/Resources/NanoCPUs").asLong()).isPositive();
            assertThat(n.at("/Description/Resources/MemoryBytes").asLong()).isPositive();
        }

        // Each worker holds its key and certificate, readable by root only, for its own node id.
        Path key = state.resolve("h2/certificates/node.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        JsonNode swarm = api.get("/swarm").json();
        assertThat(swarm.path("JoinTokens").path("Worker").asText()).matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}");
        assertThat(swarm.path("TLSInfo").path("TrustRoot").asText()).startsWith("-----BEGIN CERTIFICATE-----");

        ClusterScript.Result status = cluster.script("status");
        assertThat(status.output()).contains("h3", "running");
    }

    /**
     * Issue 6's cluster on one machine: six replicas run as real runc containers, two per host (each host's own
     * node API shows them); scale; drain moves them off a host; a worker killed with -9 and cut off has its tasks
     * running elsewhere (the time is logged, not asserted); when it returns, none of its replaced tasks still run
     * there; a manager restart leaves the workers' containers alone; a failing container is restarted per policy
     * and given up after max_attempts; removing the services removes every container.
     */
    @Test
    void servicesRunAsContainersAcrossHostsAndMoveWhenAWorkerDies() throws Exception {
        ClusterScript.Result up = cluster.script("up", "3");
        assertThat(up.code()).as("deploy/cluster up:\n" + up.output() + cluster.logs()).isZero();
        ClusterScript.loadBusybox(dir, List.of(host(1), host(2), host(3)));
        Api manager = new Api(MANAGER);
        cluster.await("3 ready nodes", 90, () -> ClusterScript.readyCount(manager.get("/nodes").json()) == 3);

        Api.Reply created = manager.post("/services/create", """
                {"Name": "web", "Mode": {"Replicated": {"Replicas": 6}},
                 "TaskTemplate": {"ContainerSpec": {"Image": "busybox:latest", "Command": ["sleep", "600"],
                                                    "StopGracePeriod": 1000000000}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        cluster.await("two web containers on each host", 90, () -> webContainers(1) == 2 && webContainers(2) == 2 && webContainers(3) == 2);

        setReplicas(manager, "web", 9);
        cluster.await("three web containers on each host", 90, () -> webContainers(1) == 3 && webContainers(2) == 3 && webContainers(3) == 3);

        String h3 = nodeIdOf(manager, "10.78.0.3");
        setAvailability(manager, h3, "drain");
        cluster.await("h3 drained, its tasks on h1 and h2", 90, () -> webContainers(3) == 0 && webContainers(1) + webContainers(2) == 9);
        setAvailability(manager, h3, "active");
        // Pause keeps a node's tasks where they are while new ones go elsewhere.
        String h1 = nodeIdOf(manager, "10.78.0.1");
        List<String> onH1 = webContainerIds(1);
        setAvailability(manager, h1, "pause");
        setReplicas(manager, "web", 12);
        cluster.await("three more web containers, none on paused h1", 90, () -> webContainers(1) + webContainers(2) + webContainers(3) == 12);
        assertThat(webContainerIds(1)).isEqualTo(onH1);
        setAvailability(manager, h1, "active");
        setReplicas(manager, "web", 9);
        cluster.await("back to 9 web containers", 90, () -> webContainers(1) + webContainers(2) + webContainers(3) == 9
                && runningTasks(manager, "web") == 9);

        long killed = System.nanoTime();
        assertThat(cluster.script("kill", "2").code()).isZero();
        cluster.await("h2's tasks running on h1 and h3", 90, () -> webContainers(1) + webContainers(3) == 9);
        System.out.printf("ClusterScriptTest: a dead worker's tasks ran elsewhere %.1f s after kill -9%n",
                (System.nanoTime() - killed) / 1e9);
        ClusterScript.Result revived = cluster.script("revive", "2");
        assertThat(revived.code()).as(revived.output() + cluster.logs()).isZero();
        cluster.await("h2 back and ready", 90, () -> ClusterScript.readyCount(manager.get("/nodes").json()) == 3);
        cluster.await("the tasks replaced while h2 was away no longer run on it", 90, () -> webContainers(2) == 0);
        assertThat(webContainers(1) + webContainers(3)).isEqualTo(9);

        List<String> before = webContainerIds(3);
        assertThat(cluster.script("kill", "1").code()).isZero();
        assertThat(cluster.script("revive", "1").code()).as(cluster.logs()).isZero();
        cluster.await("the manager back with 3 ready nodes", 90, () -> ClusterScript.readyCount(manager.get("/nodes").json()) == 3);
        cluster.await("9 running tasks after the manager's restart", 90, () -> runningTasks(manager, "web") == 9);
        assertThat(webContainerIds(3)).as("a manager restart restarts nothing on the workers").isEqualTo(before);

        Api.Reply flaky = manager.post("/services/create", """
                {"Name": "flaky", "Mode": {"Replicated": {"Replicas": 1}},
                 "TaskTemplate": {"ContainerSpec": {"Image": "busybox:latest", "Command": ["sh", "-c", "exit 3"]},
                                  "RestartPolicy": {"Condition": "on-failure", "Delay": 0, "MaxAttempts": 2}}}""");
        assertThat(flaky.status()).as(flaky.body()).isEqualTo(201);
        cluster.await("flaky failed three times (the first run and 2 restarts)", 90, () -> failedTasks(manager, "flaky") == 3);
        Thread.sleep(2000);
        assertThat(failedTasks(manager, "flaky")).as("no fourth attempt").isEqualTo(3);

        // A graceful stop of the manager (SIGTERM) closes its journal after the cluster state stopped writing.
        long managerPid = Long.parseLong(Files.readString(state.resolve("h1.pid")).strip());
        assertThat(ClusterScript.run("kill", "-TERM", Long.toString(managerPid)).code()).isZero();
        cluster.await("the manager stopped", 90, () -> !Files.exists(Path.of("/proc/" + managerPid)));
        assertThat(Files.readString(state.resolve("h1.log"))).doesNotContain("JournalFailureException", "Database is already closed");
        List<String> workers = webContainerIds(3);
        assertThat(cluster.script("revive", "1").code()).as(cluster.logs()).isZero();
        cluster.await("the manager back with 3 ready nodes and 9 running tasks", 90,
                () -> ClusterScript.readyCount(manager.get("/nodes").json()) == 3 && runningTasks(manager, "web") == 9);
        assertThat(webContainerIds(3)).as("nothing restarted on the workers").isEqualTo(workers);

        assertThat(manager.delete("/services/web").status()).isEqualTo(200);
        assertThat(manager.delete("/services/flaky").status()).isEqualTo(200);
        try {
            cluster.await("no service container left on any host", 90, () -> allContainers(1) + allContainers(2) + allContainers(3) == 0);
        } catch (AssertionError e) {
            StringBuilder left = new StringBuilder();
            for (int k = 1; k <= 3; k++) {
                for (JsonNode c : containers(k, true)) {
                    left.append("\nh").append(k).append(": ").append(c.path("Names").path(0).asText()).append(' ')
                            .append(c.path("State").asText()).append(' ').append(c.path("Status").asText());
                }
            }
            throw new AssertionError(e.getMessage() + "\nleft:" + left, e);
        }
    }

    private static Api host(int k) {
        return new Api("http://10.78.0." + k + ":2375");
    }

    private static List<JsonNode> containers(int k, boolean all) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        host(k).get("/containers/json?all=" + all).json().forEach(out::add);
        return out;
    }

    private static int webContainers(int k) throws Exception {
        return webContainerIds(k).size();
    }

    private static List<String> webContainerIds(int k) throws Exception {
        return containers(k, false).stream()
                .filter(c -> "web".equals(c.path("Labels").path("com.docker.swarm.service.name").asText()))
                .map(c -> c.path("Id").asText()).sorted().toList();
    }

    private static int allContainers(int k) throws Exception {
        return containers(k, true).size();
    }

    private static int runningTasks(Api api, String service) throws Exception {
        return tasksIn(api, service, "running");
    }

    private static int failedTasks(Api api, String service) throws Exception {
        return tasksIn(api, service, "failed");
    }

    private static int tasksIn(Api api, String service, String state) throws Exception {
        int n = 0;
        for (JsonNode t : api.get("/tasks?filters=" + Api.filters("{\"service\":[\"" + service + "\"]}")).json()) {
            if (state.equals(t.path("Status").path("State").asText())) {
                n++;
            }
        }
        return n;
    }

    private static String nodeIdOf(Api api, String addr) throws Exception {
        for (JsonNode n : api.get("/nodes").json()) {
            if (addr.equals(n.path("Status").path("Addr").asText())) {
                return n.path("ID").asText();
            }
        }
        throw new AssertionError("no node at " + addr);
    }

    private static void setAvailability(Api api, String nodeId, String availability) throws Exception {
        JsonNode node = api.get("/nodes/" + nodeId).json();
        ObjectNode spec = (ObjectNode) node.path("Spec");
        spec.put("Availability", availability);
        Api.Reply r = api.post("/nodes/" + nodeId + "/update?version=" + node.path("Version").path("Index").asLong(), spec.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void setReplicas(Api api, String service, int replicas) throws Exception {
        JsonNode svc = api.get("/services/" + service).json();
        ObjectNode spec = (ObjectNode) svc.path("Spec");
        ((ObjectNode) spec.path("Mode").path("Replicated")).put("Replicas", replicas);
        Api.Reply r = api.post("/services/" + service + "/update?version=" + svc.path("Version").path("Index").asLong(), spec.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void assertNothingLeft() throws Exception {
        assertThat(ClusterScript.run("ip", "netns", "list").output()).doesNotContain(PREFIX);
        assertThat(ClusterScript.run("ip", "link", "show", BRIDGE).code()).isNotZero();
        assertThat(state).doesNotExist();
        List<String> ours = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains(state.toString())) {
                        ours.add(p.getFileName() + ": " + cmd.replace('\0', ' '));
                    }
                } catch (java.io.IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        assertThat(ours).isEmpty();
    }

}
