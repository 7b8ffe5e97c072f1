package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified {@code docker} CLI's network commands against a Shoal manager (issue 7): networks, and
 * services with {@code --network}, {@code --publish} and {@code --endpoint-mode}. Skipped without a docker client.
 */
class DockerCliNetworkTest {
    @TempDir
    static Path dir;
    static ShoaldProcess shoald;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCliCompatibilityTest.dockerOnPath() != null, "no docker client on PATH: the docker CLI network test is skipped");
        shoald = new ShoaldProcess(dir.resolve("data")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoald != null) {
            shoald.close();
        }
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

    static String refused(String... args) throws Exception {
        Run r = docker(args);
        assertThat(r.exit()).as("docker %s should fail", String.join(" ", args)).isNotZero();
        return r.err();
    }

    @Test
    void theDockerCliManagesNetworksAndServicesOnThem() throws Exception {
        ok("swarm", "init");
        String id = ok("network", "create", "-d", "overlay", "--subnet", "10.20.0.0/24", "backend").strip();
        assertThat(id).matches("[0-9a-z]{25}");
        String ls = ok("network", "ls");
        assertThat(ls.lines().findFirst().orElseThrow()).contains("NETWORK ID").contains("NAME").contains("DRIVER").contains("SCOPE");
        assertThat(ls).containsPattern("backend\\s+overlay\\s+swarm").containsPattern("ingress\\s+overlay\\s+swarm");
        assertThat(ok("network", "inspect", "--format", "{{.Scope}} {{.Driver}} {{(index .IPAM.Config 0).Subnet}} {{.Ingress}}", "backend").strip())
                .isEqualTo("swarm overlay 10.20.0.0/24 false");
        assertThat(ok("network", "ls", "-q", "--filter", "name=back").strip()).isEqualTo(id.substring(0, 12));
        assertThat(refused("network", "create", "-d", "overlay", "--subnet", "10.20.0.0/16", "clash"))
                .contains("overlaps with network backend");
        assertThat(refused("network", "create", "backend")).contains("network with name backend already exists");

        ok("service", "create", "--detach", "--name", "web", "--network", "backend", "--publish", "8080:80",
                "--endpoint-mode", "vip", "--replicas", "2", "busybox:latest", "sleep", "3600");
        assertThat(ok("service", "inspect", "--format", "{{range .Endpoint.Ports}}{{.PublishedPort}}:{{.TargetPort}}/{{.Protocol}} {{.PublishMode}}{{end}}", "web").strip())
                .isEqualTo("8080:80/tcp ingress");
        // 10.0.0.2 is the node's own address on ingress (the routing mesh), so the service's ingress VIP comes next.
        assertThat(ok("service", "inspect", "--format", "{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}", "web").strip())
                .isEqualTo("10.0.0.3/24 10.20.0.2/24");
        String taskId = ok("service", "ps", "-q", "web").lines().findFirst().orElseThrow();
        assertThat(ok("inspect", "--type", "task", "--format", "{{range .NetworksAttachments}}{{.Network.Spec.Name}}={{index .Addresses 0}} {{end}}", taskId).strip())
                .matches("ingress=10\\.0\\.0\\.\\d+/24 backend=10\\.20\\.0\\.\\d+/24");
        ok("service", "create", "--detach", "--name", "dns", "--network", "backend", "--endpoint-mode", "dnsrr",
                "--publish", "mode=host,target=53,published=5353,protocol=udp", "busybox:latest", "sleep", "3600");
        assertThat(ok("service", "inspect", "--format", "{{.Spec.EndpointSpec.Mode}} {{len .Endpoint.VirtualIPs}}", "dns").strip()).isEqualTo("dnsrr 0");

        ok("service", "create", "--detach", "--name", "api", "--network", "backend", "busybox:latest", "sleep", "3600");
        assertThat(ok("service", "inspect", "--format", "{{len .Endpoint.VirtualIPs}}", "api").strip()).isEqualTo("1");
        ok("service", "update", "--detach", "--publish-add", "9090:90", "api");
        assertThat(ok("service", "inspect", "--format", "{{range .Endpoint.Ports}}{{.PublishedPort}}{{end}} {{len .Endpoint.VirtualIPs}}", "api").strip())
                .isEqualTo("9090 2");
        assertThat(refused("service", "update", "--detach", "--publish-add", "8080:81", "api")).contains("port '8080' is already in use by service 'web'");

        assertThat(refused("network", "rm", "backend")).contains("has active endpoints");
        ok("service", "rm", "api");
        ok("service", "rm", "web", "dns");
        // The services' tasks hold their addresses until their node reports them gone, as in Docker, where a
        // network rm right after service rm can meet the same "active endpoints" refusal: retry as a user would.
        Run removed = docker("network", "rm", "backend");
        for (int i = 0; i < 150 && removed.exit() != 0 && removed.err().contains("has active endpoints (task"); i++) {
            Thread.sleep(200);
            removed = docker("network", "rm", "backend");
        }
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(removed.out().strip()).isEqualTo("backend");
        ok("network", "create", "-d", "overlay", "spare");
        assertThat(ok("network", "prune", "-f")).contains("spare");
        assertThat(ok("network", "ls", "--format", "{{.Name}}").strip()).isEqualTo("ingress");
    }
}
