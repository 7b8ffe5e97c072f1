package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.ShoalCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal network …} and {@code shoal service create --network} against a real shoald (issue 7). */
class ShoalCliNetworkTest {
    @TempDir
    static Path dir;
    static ShoaldProcess shoald;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        shoald = new ShoaldProcess(dir.resolve("data")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoald != null) {
            shoald.close();
        }
    }

    static Run shoal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ShoalCli.run(Map.of(ShoalCli.HOST_ENV, shoald.dockerHost()), Clock.systemUTC(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String ok(String... args) {
        Run r = shoal(args);
        assertThat(r.code()).as("shoal %s: %s", String.join(" ", args), r.err()).isZero();
        return r.out();
    }

    @Test
    void networksAndServicesOnThem() {
        ok("swarm", "init");
        String id = ok("network", "create", "--subnet", "10.30.0.0/24", "--ip-range", "10.30.0.128/25", "--label", "team=a", "backend").strip();
        assertThat(ok("network", "ls")).containsPattern(id.substring(0, 12) + "\\s+backend\\s+overlay\\s+swarm").contains("ingress");
        assertThat(ok("network", "inspect", "backend")).contains("\"IPRange\": \"10.30.0.128/25\"").contains("\"team\": \"a\"");
        ok("service", "create", "--name", "web", "--network", "name=backend,alias=www", "-p", "8080:80", "busybox:latest", "sleep", "60");
        assertThat(ok("service", "inspect", "web")).contains("\"PublishedPort\": 8080").contains("\"Addr\": \"10.30.0.128/24\"");

        Run inUse = shoal("network", "rm", "backend");
        assertThat(inUse.code()).isEqualTo(1);
        assertThat(inUse.err()).contains("has active endpoints (service web)");
        ok("service", "rm", "web");
        // The service's tasks hold their addresses until their node reports them gone, as in Docker, where a
        // network rm right after service rm can meet the same "active endpoints" refusal.
        Run removed = shoal("network", "rm", "backend");
        for (int i = 0; i < 150 && removed.code() != 0 && removed.err().contains("has active endpoints (task"); i++) {
            sleep(200);
            removed = shoal("network", "rm", "backend");
        }
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("backend\n");
        ok("network", "create", "spare");
        assertThat(ok("network", "prune", "-f")).isEqualTo("Deleted Networks:\nspare\n");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
