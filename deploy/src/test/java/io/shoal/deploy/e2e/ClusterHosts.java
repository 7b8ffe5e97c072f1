package io.shoal.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster made by {@code deploy/cluster} for a test, on its own bridge, subnet and namespace names, whose
 * hosts run this build's classes (a launcher over the test classpath): the script's verbs, each host's API,
 * and the containers each host's own node API says are running.
 */
final class ClusterHosts {
    static final String BRIDGE = "shtst0";
    static final String PREFIX = "shtst-h";
    static final String SUBNET = "10.78.0.0/24";

    final Path state;
    private final Path dist;

    ClusterHosts(Path dir) throws Exception {
        state = dir.resolve("cluster");
        dist = dir.resolve("dist");
        Files.createDirectories(dist.resolve("bin"));
        Path shoald = dist.resolve("bin/shoald");
        Files.writeString(shoald, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + classpath()
                + "' io.shoal.deploy.Shoald \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(shoald, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * This build's classes and dependencies. Surefire runs the tests from a manifest-only jar that it may delete
     * while the tests run (a host started later would then find other classes), so its own property comes first.
     */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    static String address(int k) {
        return "10.78.0." + k;
    }

    static Api api(int k) {
        return new Api("http://" + address(k) + ":2375");
    }

    /** Runs {@code deploy/cluster VERB ARGS…} on this cluster's names. */
    Result script(String verb, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("cluster").toAbsolutePath().toString(), verb));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--state-dir", state.toString()));
        if (verb.equals("up") || verb.equals("down")) {
            cmd.addAll(List.of("--bridge", BRIDGE, "--subnet", SUBNET, "--netns-prefix", PREFIX));
        }
        if (verb.equals("up")) {
            cmd.addAll(List.of("--dist", dist.toString()));
        }
        return run(cmd.toArray(String[]::new));
    }

    /** Host K's shoald process id, as the script recorded it. */
    long pid(int k) throws Exception {
        return Long.parseLong(Files.readString(state.resolve("h" + k + ".pid")).strip());
    }

    /** Name → id of the running containers whose name starts with {@code prefix}, from host K's node API. */
    static Map<String, String> running(int k, String prefix) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : api(k).get("/containers/json").json()) {
            String name = c.path("Names").path(0).asText();
            if (name.startsWith("/" + prefix) && "running".equals(c.path("State").asText())) {
                out.put(name, c.path("Id").asText());
            }
        }
        return out;
    }

    /** Copies the hosts' logs to {@code target} (replacing an earlier run's), for a look after {@code down}. */
    void keepLogs(Path target) throws Exception {
        Files.createDirectories(target);
        for (int k = 1; k <= 3; k++) {
            Path log = state.resolve("h" + k + ".log");
            if (Files.exists(log)) {
                Files.copy(log, target.resolve("h" + k + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

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

    /** Processes whose command line names the state directory: none may outlive {@code down}. */
    List<String> processesLeft() throws Exception {
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
        return ours;
    }

    record Result(int code, String output) {}

    static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
