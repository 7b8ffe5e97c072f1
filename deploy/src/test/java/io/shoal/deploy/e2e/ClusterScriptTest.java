package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
    Path state;
    Path dist;

    @BeforeEach
    void rootOnly() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: needs root for network namespaces");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")) || Files.isExecutable(Path.of("/bin/jq")), "SKIPPED: jq missing (apt-get install jq)");
        state = dir.resolve("cluster");
        dist = dir.resolve("dist");
        Files.createDirectories(dist.resolve("bin"));
        Path shoald = dist.resolve("bin/shoald");
        Files.writeString(shoald, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' io.shoal.deploy.Shoald \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(shoald, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void down() throws Exception {
        if (state != null) {
            Result r = script("down");
            assertThat(r.code()).as(r.output()).isZero();
            assertNothingLeft();
        }
    }

    @Test
    void threeHostsJoinTheSwarmAndDownLeavesNothing() throws Exception {
        Result up = script("up", "3");
        assertThat(up.code()).as("deploy/cluster up:\n" + up.output() + logs()).isZero();

        Api api = new Api(MANAGER);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode nodes = api.get("/nodes").json();
        while (readyCount(nodes) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            nodes = api.get("/nodes").json();
        }
        assertThat(readyCount(nodes)).as(nodes.toString() + logs()).isEqualTo(3);
        List<String> roles = new ArrayList<>();
        List<String> addrs = new ArrayList<>();
        nodes.forEach(n -> {
            roles.add(n.path("Spec").path("Role").asText());
            addrs.add(n.path("Status").path("Addr").asText());
        });
        assertThat(roles).containsExactlyInAnyOrder("manager", "worker", "worker");
        assertThat(addrs).containsExactlyInAnyOrder("10.78.0.1", "10.78.0.2", "10.78.0.3");

        // Each worker holds its key and certificate, readable by root only, for its own node id.
        Path key = state.resolve("h2/certificates/node.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        JsonNode swarm = api.get("/swarm").json();
        assertThat(swarm.path("JoinTokens").path("Worker").asText()).matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}");
        assertThat(swarm.path("TLSInfo").path("TrustRoot").asText()).startsWith("-----BEGIN CERTIFICATE-----");

        Result status = script("status");
        assertThat(status.output()).contains("h3", "running");
    }

    private static int readyCount(JsonNode nodes) {
        int ready = 0;
        for (JsonNode n : nodes) {
            if ("ready".equals(n.path("Status").path("State").asText())) {
                ready++;
            }
        }
        return ready;
    }

    private void assertNothingLeft() throws Exception {
        assertThat(run("ip", "netns", "list").output()).doesNotContain(PREFIX);
        assertThat(run("ip", "link", "show", BRIDGE).code()).isNotZero();
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

    private String logs() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= 3; k++) {
            Path log = state.resolve("h" + k + ".log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                b.append("\n--- h").append(k).append(".log (last 30 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        }
        return b.toString();
    }

    private Result script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("cluster").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--state-dir", state.toString(), "--bridge", BRIDGE, "--subnet", SUBNET, "--netns-prefix", PREFIX));
        if (args[0].equals("up")) {
            cmd.addAll(List.of("--dist", dist.toString()));
        }
        return run(cmd.toArray(String[]::new));
    }

    record Result(int code, String output) {}

    private static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
