package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified {@code docker} CLI on PATH against a Shoal manager, asserting what each command prints.
 * Without a docker client the test is skipped, and says so on stderr.
 */
class DockerCliCompatibilityTest {
    @TempDir
    static Path dir;
    static ShoaldProcess shoald;

    @BeforeAll
    static void start() throws Exception {
        String docker = dockerOnPath();
        if (docker == null) {
            System.err.println("*** DockerCliCompatibilityTest SKIPPED: no docker client on PATH (apt-get install docker.io to run it) ***");
        }
        assumeTrue(docker != null, "no docker client on PATH: the docker CLI compatibility test is skipped");
        shoald = new ShoaldProcess(dir.resolve("data")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoald != null) {
            shoald.close();
        }
    }

    static String dockerOnPath() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "docker"))) {
                return Path.of(p, "docker").toString();
            }
        }
        return null;
    }

    record Run(int exit, String out, String err) {}

    static Run docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", shoald.dockerHost()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
        pb.environment().remove("DOCKER_HOST");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("docker " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static String ok(String... args) throws Exception {
        Run r = docker(args);
        assertThat(r.exit()).as("docker %s failed: %s", String.join(" ", args), r.err()).isZero();
        return r.out();
    }

    @Test
    void theDockerCliDrivesAShoalManager() throws Exception {
        assertThat(ok("version")).contains("Server: Shoal").contains("API version:      1.49");
        assertThat(ok("info", "--format", "{{.Swarm.LocalNodeState}}").strip()).isEqualTo("inactive");

        assertThat(ok("swarm", "init")).contains("Swarm initialized: current node (").contains("is now a manager");
        assertThat(ok("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.Managers}} {{.Swarm.Nodes}}").strip()).isEqualTo("active 1 1");

        ok("swarm", "update", "--task-history-limit", "2", "--dispatcher-heartbeat", "2s");
        assertThat(ok("info", "--format", "{{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}} "
                + "{{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}}").strip()).isEqualTo("2 2s");
        Run tooFast = docker("swarm", "update", "--dispatcher-heartbeat", "1ms");
        assertThat(tooFast.exit()).isNotZero();
        assertThat(tooFast.err()).contains("Spec.Dispatcher.HeartbeatPeriod");

        String nodes = ok("node", "ls");
        assertThat(nodes.lines().findFirst().orElseThrow()).contains("HOSTNAME").contains("STATUS").contains("AVAILABILITY").contains("MANAGER STATUS");
        assertThat(nodes).contains("Ready").contains("Active").contains("Leader");
        String nodeId = ok("node", "ls", "-q").strip();
        assertThat(ok("node", "update", "--label-add", "dc=east", nodeId).strip()).isEqualTo(nodeId);
        assertThat(ok("node", "inspect", "--format", "{{.Spec.Labels.dc}}", nodeId).strip()).isEqualTo("east");

        String serviceId = ok("service", "create", "--detach", "--name", "web", "--replicas", "2",
                "--restart-condition", "none", "busybox:latest", "sleep", "3600").strip();
        assertThat(serviceId).matches("[0-9a-z]{25}");
        String ls = ok("service", "ls");
        assertThat(ls).contains("web").contains("replicated").contains("0/2").contains("busybox:latest");
        assertThat(ok("service", "inspect", "--format", "{{.Spec.Name}} {{.Spec.Mode.Replicated.Replicas}} {{.ID}}", "web").strip())
                .isEqualTo("web 2 " + serviceId);
        String ps = ok("service", "ps", "web");
        assertThat(ps).contains("web.1").contains("web.2").containsPattern("Assigned|Accepted|Preparing|Rejected");

        assertThat(ok("service", "scale", "--detach", "web=4")).contains("web scaled to 4");
        assertThat(ok("service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", "web").strip()).isEqualTo("4");
        assertThat(ok("service", "ps", "-q", "--filter", "desired-state=running", "web").lines().count()).isEqualTo(4);

        ok("service", "update", "--detach", "--env-add", "FOO=bar", "web");
        assertThat(ok("service", "inspect", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Env}}", "web").strip()).isEqualTo("[\"FOO=bar\"]");

        assertThat(ok("service", "rm", "web").strip()).isEqualTo("web");
        Run gone = docker("service", "inspect", "web");
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("no such service: web");
    }
}
