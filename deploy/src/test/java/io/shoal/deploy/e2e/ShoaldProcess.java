package io.shoal.deploy.e2e;

import io.shoal.deploy.role.NodeEngine;
import io.shoal.engine.Engine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code shoald} in its own JVM on loopback ports, for end-to-end tests. It is started from the
 * test classpath (the same jars as the distribution) and always stopped by its own PID.
 */
public final class ShoaldProcess implements AutoCloseable {
    private final Path dataRoot;
    private final Path log;
    private final int apiPort;
    private final int clusterPort;
    private final List<String> extraArgs = new ArrayList<>();
    private Process process;

    public ShoaldProcess(Path dataRoot) throws IOException {
        this.dataRoot = dataRoot;
        this.log = dataRoot.resolveSibling(dataRoot.getFileName() + ".log");
        this.apiPort = freePort();
        this.clusterPort = freePort();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** More shoald flags for {@link #start}. */
    public ShoaldProcess withArgs(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    public ShoaldProcess start() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.shoal.deploy.Shoald", "--data-root", dataRoot.toString(),
                "--api-addr", "127.0.0.1:" + apiPort, "--cluster-addr", "127.0.0.1:" + clusterPort));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("shoald exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api() + "/_ping")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("shoald did not answer /_ping within 60 s:\n" + Files.readString(log));
    }

    public String api() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** {@code 127.0.0.1:PORT} of Akka remoting, which {@code swarm join} names (the join port is one above). */
    public String clusterAddr() {
        return "127.0.0.1:" + clusterPort;
    }

    public String dockerHost() {
        return "tcp://127.0.0.1:" + apiPort;
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no shutdown hooks, nothing flushed that wasn't already. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then waits for the clean stop; returns whether it stopped in time. */
    public boolean terminate() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return true;
        }
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops shoald, then removes what its engine leaves on the host, so the data root can be deleted: containers
     * still running (killed and deleted through both runc roots: the engine's run tmpfs and the legacy one), then
     * every mount under the data root, deepest first (the run tmpfs stays while containers run; a mounted tmpfs
     * makes deleting the directory fail with EBUSY).
     */
    @Override
    public void close() throws InterruptedException {
        if (!terminate()) {
            kill();
        }
        try {
            removeEngineLeftovers(dataRoot);
        } catch (IOException e) {
            throw new IllegalStateException("cleaning up after shoald of " + dataRoot + ": " + e.getMessage(), e);
        }
    }

    static void removeEngineLeftovers(Path dataRoot) throws IOException, InterruptedException {
        Engine.Settings engine = Engine.Settings.defaults(NodeEngine.root(dataRoot));
        for (Path root : List.of(engine.runcRoot(), engine.legacyRuncRoot())) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (var ids = Files.list(root)) {
                for (Path id : ids.filter(Files::isDirectory).toList()) {
                    quietly("/usr/sbin/runc", "--root=" + root, "kill", id.getFileName().toString(), "KILL");
                    quietly("/usr/sbin/runc", "--root=" + root, "delete", "-f", id.getFileName().toString());
                }
            }
        }
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4])
                .filter(m -> m.startsWith(dataRoot + "/")).sorted((a, b) -> b.length() - a.length()).toList();
        for (String m : mounts) {
            quietly("umount", "-l", m);
        }
    }

    private static void quietly(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
