package io.shoal.deploy.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code deploy/cluster} for root tests: hosts on a bridge, subnet and namespace prefix of the test's own, running
 * this build's classes (a launcher over the test classpath), with the helpers the cluster tests share: running the
 * script, loading busybox into the hosts, waiting for a condition with the hosts' logs in the failure, counting
 * ready nodes, and tearing down after removing the tests' services.
 */
final class ClusterScript {
    final Path state;
    private final Path dist;
    private final String bridge;
    private final String prefix;
    private final String subnet;

    record Result(int code, String output) {}

    interface Check {
        boolean holds() throws Exception;
    }

    private ClusterScript(Path dir, String bridge, String prefix, String subnet) {
        this.state = dir.resolve("cluster");
        this.dist = dir.resolve("dist");
        this.bridge = bridge;
        this.prefix = prefix;
        this.subnet = subnet;
    }

    /**
     * A cluster's settings under {@code dir}, and the launcher its hosts start; skips the calling test unless it
     * runs as root (network namespaces) with jq (the script reads the join token and node list with it).
     */
    static ClusterScript prepare(Path dir, String bridge, String prefix, String subnet) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: needs root for network namespaces");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")) || Files.isExecutable(Path.of("/bin/jq")),
                "SKIPPED: jq missing (apt-get install jq)");
        ClusterScript c = new ClusterScript(dir, bridge, prefix, subnet);
        Files.createDirectories(c.dist.resolve("bin"));
        Path shoald = c.dist.resolve("bin/shoald");
        Files.writeString(shoald, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' io.shoal.deploy.Shoald \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(shoald, PosixFilePermissions.fromString("rwxr-xr-x"));
        return c;
    }

    /** {@code deploy/cluster ARGS…} with this cluster's options. */
    Result script(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("cluster").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--state-dir", state.toString(), "--bridge", bridge, "--subnet", subnet, "--netns-prefix", prefix));
        if (args[0].equals("up")) {
            cmd.addAll(List.of("--dist", dist.toString()));
        }
        return run(cmd.toArray(String[]::new));
    }

    static Result run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (Exception e) {
            return new Result(-1, e.toString());
        }
    }

    /** Polls {@code check} (a failure counts as not yet: a restarting host does not answer) until it holds. */
    void await(String what, int seconds, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what + logs());
            }
            Thread.sleep(250);
        }
    }

    /** The last lines of each host's log, for failure messages. */
    String logs() throws Exception {
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

    /**
     * Builds busybox:latest under {@code dir/image} from Debian's busybox-static (no Shoal involved) and loads it
     * into every host through its node API.
     */
    static void loadBusybox(Path dir, List<Api> hosts) throws Exception {
        Result image = run("bash", Path.of("images/busybox").toAbsolutePath().toString(), dir.resolve("image").toString());
        if (image.code() != 0) {
            throw new AssertionError("deploy/images/busybox failed:\n" + image.output());
        }
        for (Api host : hosts) {
            Api.Reply loaded = host.postFile("/images/load", dir.resolve("image/busybox.tar"), "application/x-tar");
            if (loaded.status() != 200) {
                throw new AssertionError("loading busybox into " + host.base() + ": " + loaded.status() + " " + loaded.body());
            }
        }
    }

    /**
     * Removes {@code services} (what is unreachable, {@code down} removes), waits until the task namespaces of
     * {@code nodeIds} went with their containers, runs {@code down}, and fails if it failed or left a namespace
     * (which it then deletes).
     */
    void downAfterRemoving(Api manager, List<String> services, List<String> nodeIds) throws Exception {
        for (String service : services) {
            try {
                manager.delete("/services/" + service);
            } catch (Exception unreachable) {
                // down removes what is left
            }
        }
        try {
            await("task namespaces removed with their containers", 120, () -> taskNamespaces(nodeIds).isEmpty());
        } finally {
            Result r = script("down");
            List<String> leaked = taskNamespaces(nodeIds);
            leaked.forEach(ns -> run("ip", "netns", "delete", ns));
            if (r.code() != 0) {
                throw new AssertionError("deploy/cluster down failed:\n" + r.output());
            }
            if (!leaked.isEmpty()) {
                throw new AssertionError("task namespaces left: " + leaked);
            }
        }
    }

    /** Namespaces of these nodes' task attachments ({@code shoal-<node id[0:12]>-<task id>}). */
    static List<String> taskNamespaces(List<String> nodeIds) {
        List<String> out = new ArrayList<>();
        for (String line : run("ip", "netns", "list").output().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (nodeIds.stream().anyMatch(id -> name.startsWith("shoal-" + id.substring(0, Math.min(12, id.length())) + "-"))) {
                out.add(name);
            }
        }
        return out;
    }

    static int readyCount(JsonNode nodes) {
        int ready = 0;
        for (JsonNode n : nodes) {
            if ("ready".equals(n.path("Status").path("State").asText())) {
                ready++;
            }
        }
        return ready;
    }
}
