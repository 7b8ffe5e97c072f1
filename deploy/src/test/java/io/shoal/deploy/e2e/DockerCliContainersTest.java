package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, the unmodified docker CLI drives the container API of a one-host shoald: load a busybox image (built
 * with umoci from Debian's busybox-static, exported with skopeo), {@code run --rm} with output, stderr and exit
 * codes through the hijacked attach, {@code run -d}, logs, exec, ps filters, names, rm -f and volumes. Every runc
 * container and mount under the test's directory is removed at the end, even on failure.
 */
class DockerCliContainersTest {
    @TempDir
    static Path dir;
    static Path data;
    static ShoaldProcess shoald;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: needs root to run containers");
        for (String tool : List.of("/usr/sbin/runc", "/usr/bin/umoci", "/usr/bin/skopeo", "/bin/busybox")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "SKIPPED: " + tool + " missing (apt-get install runc umoci skopeo busybox-static)");
        }
        assumeTrue(DockerCliCompatibilityTest.dockerOnPath() != null, "SKIPPED: no docker client on PATH");
        data = dir.resolve("data");
        Run image = run(List.of("bash", Path.of("images/busybox").toAbsolutePath().toString(), dir.resolve("image").toString()));
        assertThat(image.exit()).as(image.err()).isZero();
        shoald = new ShoaldProcess(data).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (shoald != null) {
            shoald.close();
        }
        if (data != null) { // also when shoald never started
            ShoaldProcess.removeEngineLeftovers(data);
        }
    }

    @Test
    void theDockerCliRunsContainersOnANode() throws Exception {
        assertThat(ok("load", "-i", dir.resolve("image/busybox.tar").toString())).contains("Loaded image: busybox:latest");
        assertThat(ok("images", "--format", "{{.Repository}}:{{.Tag}}")).contains("busybox:latest");

        assertThat(ok("run", "--rm", "busybox", "echo", "hi")).isEqualTo("hi\n");
        Run failing = docker("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(failing.exit()).isEqualTo(3);
        assertThat(failing.out()).isEqualTo("out\n");
        assertThat(failing.err()).contains("err");
        assertThat(ok("ps", "-a", "-q")).as("--rm removed both containers").isEmpty();

        String id = ok("run", "-d", "--name", "web", "busybox", "sh", "-c", "echo started; exec sleep 600").strip();
        assertThat(id).matches("[0-9a-f]{64}");
        eventually(() -> ok("logs", "web").equals("started\n") ? true : null);
        assertThat(ok("exec", "web", "echo", "inside")).isEqualTo("inside\n");
        assertThat(docker("exec", "web", "sh", "-c", "exit 7").exit()).isEqualTo(7);
        assertThat(dockerWithInput("piped\n", "exec", "-i", "web", "cat").out()).isEqualTo("piped\n");
        assertThat(ok("exec", "-w", "/tmp", "-e", "X=1", "web", "sh", "-c", "echo $PWD $X")).isEqualTo("/tmp 1\n");
        assertThat(ok("ps", "--format", "{{.Names}} {{.State}} {{.Image}}")).isEqualTo("web running busybox:latest\n");
        assertThat(ok("inspect", "--format", "{{.Name}} {{.State.Status}} {{.State.Running}} {{.HostConfig.AutoRemove}}", "web"))
                .isEqualTo("/web running true false\n");
        Run duplicate = docker("run", "--name", "web", "busybox", "true");
        assertThat(duplicate.exit()).isEqualTo(125);
        assertThat(duplicate.err()).contains("The container name \"/web\" is already in use by container \"" + id + "\"");
        assertThat(docker("create", "--name", "a/b", "busybox").err()).contains("Invalid container name (a/b)");

        assertThat(docker("run", "--name", "counted", "busybox", "sh", "-c", "for i in 1 2 3; do echo l$i; done; exit 2")
                .exit()).isEqualTo(2);
        assertThat(ok("logs", "-f", "counted")).isEqualTo("l1\nl2\nl3\n");
        Run again = docker("start", "-a", "counted");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.out()).as("start -a shows the new run only").isEqualTo("l1\nl2\nl3\n");
        assertThat(ok("logs", "--tail", "1", "counted")).isEqualTo("l3\n");
        assertThat(ok("logs", "counted")).as("both runs").isEqualTo("l1\nl2\nl3\nl1\nl2\nl3\n");
        assertThat(ok("ps", "-a", "--filter", "status=exited", "--format", "{{.Names}} {{.Status}}"))
                .startsWith("counted Exited (2) ");
        assertThat(ok("ps", "-a", "--filter", "name=web", "-q")).isEqualTo(id.substring(0, 12) + "\n");
        ok("run", "-d", "--name", "checked", "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "600");
        eventually(() -> ok("inspect", "-f", "{{.State.Health.Status}}", "checked").equals("healthy\n") ? true : null);
        assertThat(ok("ps", "--filter", "name=checked", "--format", "{{.Status}}")).endsWith("(healthy)\n");
        assertThat(ok("rm", "-f", "-v", "web", "counted", "checked")).isEqualTo("web\ncounted\nchecked\n");
        assertThat(ok("ps", "-a", "-q")).isEmpty();
        Run missing = docker("inspect", "--type", "container", "web");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("No such container: web");

        assertThat(ok("volume", "create", "--label", "team=a", "data1")).isEqualTo("data1\n");
        ok("run", "--rm", "-v", "data1:/data", "busybox", "sh", "-c", "echo persisted > /data/f");
        assertThat(ok("run", "--rm", "-v", "data1:/data:ro", "busybox", "cat", "/data/f")).isEqualTo("persisted\n");
        assertThat(ok("volume", "ls", "--filter", "label=team=a", "-q")).isEqualTo("data1\n");
        assertThat(ok("volume", "rm", "data1")).isEqualTo("data1\n");
        assertThat(docker("volume", "inspect", "data1").exit()).isEqualTo(1);
    }

    @Test
    void theDockerCliPullsAndPushesThroughALoopbackRegistry() throws Exception {
        Path binary = Path.of("/usr/bin/docker-registry");
        assumeTrue(Files.isExecutable(binary), "SKIPPED: apt-get install docker-registry");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("registry.yml");
        Files.writeString(config, String.join("\n", "version: 0.1", "log:", "  level: warn", "storage:", "  filesystem:",
                "    rootdirectory: " + dir.resolve("registry"), "http:", "  addr: 127.0.0.1:" + port, ""));
        Process registry = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        try {
            ok("load", "-i", dir.resolve("image/busybox.tar").toString());
            String imageId = ok("image", "inspect", "--format", "{{.Id}}", "busybox:latest").trim();
            String shortId = imageId.substring("sha256:".length(), "sha256:".length() + 12);
            assertThat(ok("image", "inspect", "--format", "{{.Id}}", shortId).trim()).as("found by id").isEqualTo(imageId);
            ok("tag", shortId, "busybox:by-id");
            assertThat(ok("rmi", "busybox:by-id")).as("another name holds it").isEqualTo("Untagged: busybox:by-id\n");
            String name = "127.0.0.1:" + port + "/shoal/busybox:e2e";
            ok("tag", "busybox:latest", name);
            String pushed = eventually(() -> {
                Run push = docker("push", name);
                return push.exit() == 0 ? push.out() : null; // the registry may still be starting
            });
            assertThat(pushed).contains("e2e: digest: sha256:");
            assertThat(ok("rmi", name)).contains("Untagged: " + name);
            assertThat(docker("image", "inspect", name).exit()).isEqualTo(1);

            String pulled = ok("pull", name);
            assertThat(pulled).contains("Digest: sha256:").contains("Downloaded newer image for " + name);
            assertThat(ok("pull", name)).contains("Image is up to date for " + name);
            assertThat(ok("run", "--rm", name, "echo", "pulled")).isEqualTo("pulled\n");

            Run unknown = docker("pull", "127.0.0.1:" + port + "/shoal/nope:1");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).containsIgnoringCase("not found");
            Run bad = docker("pull", "127.0.0.1:" + port + "/Bad!Name");
            assertThat(bad.exit()).isNotZero();
            assertThat(bad.err()).contains("invalid reference format");
            assertThat(ok("rmi", name)).contains("Untagged: " + name);

            // A service's task pulls its image on the node; an image no registry has rejects the task, saying why.
            swarmInit();
            ok("service", "create", "--detach", "--name", "pulled", name, "sleep", "600");
            ok("service", "create", "--detach", "--name", "unpullable", "127.0.0.1:" + port + "/shoal/nope:1", "true");
            eventually(() -> ok("service", "ps", "--format", "{{.CurrentState}}", "pulled").startsWith("Running") ? true : null);
            assertThat(ok("image", "inspect", "--format", "{{.Id}}", name)).startsWith("sha256:");
            eventually(() -> ok("service", "ps", "--no-trunc", "--format", "{{.CurrentState}} {{.Error}}", "unpullable")
                    .lines().anyMatch(l -> l.startsWith("Rejected") && l.contains("No such image")) ? true : null);
            ok("service", "rm", "pulled", "unpullable");
            eventually(() -> ok("ps", "-a", "-q").isEmpty() ? true : null);
        } finally {
            registry.destroy();
            if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
    }

    @Test
    void theDockerCliSavesLoadsRunsByIdAndPrunesImages() throws Exception {
        Path layout = dir.resolve("image/oci");
        assertThat(run(List.of("umoci", "config", "--image", layout + ":latest", "--tag", "labelled",
                "--config.label", "shoal.test=prune")).exit()).isZero();
        Path labelled = dir.resolve("labelled.tar");
        Run copy = run(List.of("skopeo", "copy", "--quiet", "oci:" + layout + ":labelled",
                "docker-archive:" + labelled + ":busybox:latest"));
        assertThat(copy.exit()).as(copy.err()).isZero();

        for (String left : ok("images", "--format", "{{.Repository}}:{{.Tag}}").lines().toList()) {
            ok("rmi", left); // names other tests gave the image would keep it
        }
        ok("load", "-i", dir.resolve("image/busybox.tar").toString());
        String id = ok("image", "inspect", "--format", "{{.Id}}", "busybox:latest").trim();
        String shortId = id.substring("sha256:".length(), "sha256:".length() + 12);
        ok("tag", "busybox:latest", "busybox:saved");
        Path saved = dir.resolve("saved.tar");
        ok("save", "-o", saved.toString(), "busybox:latest", "busybox:saved");
        assertThat(run(List.of("tar", "tf", saved.toString())).out().lines().toList())
                .contains("manifest.json", "index.json", "oci-layout", "repositories", "blobs/sha256/" + id.substring(7));
        Path repository = dir.resolve("repository.tar");
        ok("save", "-o", repository.toString(), "busybox");
        assertThat(run(List.of("tar", "xOf", repository.toString(), "manifest.json")).out())
                .as("a bare repository saves each of its tags").contains("busybox:latest").contains("busybox:saved");
        assertThat(docker("save", "-o", dir.resolve("none.tar").toString(), "busybox:nope").err())
                .contains("No such image: busybox:nope");

        assertThat(ok("rmi", "busybox:latest", "busybox:saved")).isEqualTo(
                "Untagged: busybox:latest\nUntagged: busybox:saved\nDeleted: " + id + "\n");
        assertThat(docker("image", "inspect", shortId).exit()).isEqualTo(1);
        assertThat(ok("load", "-i", saved.toString())).contains("Loaded image: busybox:latest")
                .contains("Loaded image: busybox:saved");
        assertThat(ok("image", "inspect", "--format", "{{.Id}}", "busybox:saved").trim()).isEqualTo(id);
        assertThat(ok("run", "--rm", shortId, "echo", "by short id")).isEqualTo("by short id\n");
        assertThat(ok("run", "--rm", id, "echo", "by full id")).isEqualTo("by full id\n");
        String created = ok("create", "--name", "from-id", shortId, "true").strip();
        assertThat(ok("inspect", "--format", "{{.Image}}", "from-id").trim()).isEqualTo(id);
        assertThat(ok("inspect", "--type", "image", "--format", "{{.Id}}", shortId).trim()).isEqualTo(id);
        ok("rm", created);

        ok("rmi", "busybox:saved");
        assertThat(ok("load", "-i", labelled.toString())).contains("Loaded image: busybox:latest");
        assertThat(ok("images", "--filter", "dangling=true", "-q").trim()).as("its tag moved on").isEqualTo(shortId);
        assertThat(ok("images", "--format", "{{.Repository}}:{{.Tag}}")).contains("<none>:<none>");
        String dangling = ok("image", "prune", "-f");
        assertThat(dangling).contains("deleted: " + id).doesNotContain("untagged:")
                .containsPattern("Total reclaimed space: [1-9][0-9.]*[kM]?B");
        assertThat(ok("images", "-q").trim().lines()).hasSize(1);

        ok("create", "--name", "holder", "busybox:latest", "true");
        assertThat(ok("image", "prune", "-a", "-f")).as("a container uses it").contains("Total reclaimed space: 0B");
        ok("rm", "holder");
        assertThat(ok("image", "prune", "-a", "-f", "--filter", "until=1h")).as("built just now")
                .contains("Total reclaimed space: 0B");
        assertThat(ok("image", "prune", "-a", "-f", "--filter", "label=shoal.test=other"))
                .contains("Total reclaimed space: 0B");
        assertThat(ok("image", "prune", "-a", "-f", "--filter", "label=shoal.test=prune"))
                .contains("untagged: busybox:latest").contains("deleted: sha256:");
        assertThat(ok("images", "-q")).isEmpty();
        assertThat(docker("image", "prune", "-f", "--filter", "until=soon").err()).contains("invalid timestamp soon");
    }

    /** bcrypt (cost 4) of "s3cret" for alice, as {@code htpasswd -B} writes it. */
    static final String ALICE_HTPASSWD = "alice:$2b$04$3t8tvyMBoOU9rBK2SB95O.JqtmoC0WDPvqDFx/zWyyxShNoMMvbWW";

    @Test
    void aServiceCreatedWithRegistryAuthPullsFromARegistryThatWantsCredentials() throws Exception {
        Path binary = Path.of("/usr/bin/docker-registry");
        assumeTrue(Files.isExecutable(binary), "SKIPPED: apt-get install docker-registry");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, ALICE_HTPASSWD + "\n");
        Path config = dir.resolve("auth-registry.yml");
        Files.writeString(config, String.join("\n", "version: 0.1", "log:", "  level: warn", "storage:", "  filesystem:",
                "    rootdirectory: " + dir.resolve("auth-registry"), "http:", "  addr: 127.0.0.1:" + port,
                "auth:", "  htpasswd:", "    realm: shoal-test", "    path: " + htpasswd, ""));
        Process registry = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("auth-registry.log").toFile()).start();
        Path dockerConfig = dir.resolve("docker-config/config.json");
        String host = "127.0.0.1:" + port;
        String name = host + "/private/busybox:1";
        try {
            ok("load", "-i", dir.resolve("image/busybox.tar").toString());
            ok("tag", "busybox:latest", name);
            Run anonymous = eventually(() -> {
                Run push = docker("push", name);
                return push.err().contains("connection refused") ? null : push; // the registry may still be starting
            });
            assertThat(anonymous.exit()).isNotZero();
            assertThat(anonymous.err()).contains("unauthorized");
            // what `docker login` leaves behind (the node does not offer POST /auth for the CLI's login check)
            Files.createDirectories(dockerConfig.getParent());
            Files.writeString(dockerConfig, "{\"auths\":{\"" + host + "\":{\"auth\":\""
                    + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8))
                    + "\"}}}");
            assertThat(ok("push", name)).contains("1: digest: sha256:");
            ok("rmi", name);
            assertThat(docker("image", "inspect", name).exit()).as("the task must pull it").isEqualTo(1);

            swarmInit();
            ok("service", "create", "--detach", "--name", "no-creds", name, "sleep", "600");
            eventually(() -> ok("service", "ps", "--no-trunc", "--format", "{{.CurrentState}} {{.Error}}", "no-creds")
                    .lines().anyMatch(l -> l.startsWith("Rejected") && l.contains("unauthorized")
                            && l.contains("--with-registry-auth")) ? true : null);
            ok("service", "rm", "no-creds");

            ok("service", "create", "--detach", "--with-registry-auth", "--name", "with-creds", name, "sleep", "600");
            eventually(() -> ok("service", "ps", "--format", "{{.CurrentState}}", "with-creds").startsWith("Running")
                    ? true : null);
            assertThat(ok("service", "inspect", "with-creds")).doesNotContain("s3cret")
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain("RegistryAuth");
            assertThat(ok("image", "inspect", "--format", "{{.Id}}", name)).startsWith("sha256:");
            ok("service", "rm", "with-creds");
            eventually(() -> ok("ps", "-a", "-q").isEmpty() ? true : null);
            ok("rmi", name);
        } finally {
            Files.deleteIfExists(dockerConfig);
            registry.destroy();
            if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
    }

    /** Tests share one shoald: the first to need a swarm makes it. */
    static void swarmInit() throws Exception {
        Run init = docker("swarm", "init");
        assertThat(init.exit() == 0 || init.err().contains("already part of a swarm")).as(init.err()).isTrue();
    }

    record Run(int exit, String out, String err) {}

    static String ok(String... args) throws Exception {
        Run r = docker(args);
        assertThat(r.exit()).as("docker %s failed: %s\nshoald's log:\n%s", String.join(" ", args), r.err(),
                tail(shoald.log())).isZero();
        return r.out();
    }

    static Run docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", shoald.dockerHost()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    static Run dockerWithInput(String input, String... args) throws Exception {
        Path in = Files.createTempFile(dir, "in", ".txt");
        Files.writeString(in, input);
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", shoald.dockerHost()));
        cmd.addAll(List.of(args));
        return run(cmd, in);
    }

    static Run run(List<String> cmd) throws Exception {
        return run(cmd, null);
    }

    static Run run(List<String> cmd, Path input) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        pb.environment().put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
        pb.environment().remove("DOCKER_HOST");
        Process p = pb.start();
        if (input == null) {
            p.getOutputStream().close();
        }
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 90 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static <T> T eventually(Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            T value = check.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s; shoald's log:\n" + tail(shoald.log()));
            }
            Thread.sleep(200);
        }
    }

    static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
