package io.shoal.bench.converge.linux;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A distribution's {@code bin/shoald} on free loopback ports with its own data root, its output in a log file
 * beside that root. Stopped by its own PID: SIGTERM, then SIGKILL after 30 s.
 */
public final class ShoaldProcess implements AutoCloseable {
    private final Path dataRoot;
    private final Path log;
    private final Process process;
    private final String api;

    private ShoaldProcess(Path dataRoot, Path log, Process process, String api) {
        this.dataRoot = dataRoot;
        this.log = log;
        this.process = process;
        this.api = api;
    }

    public static ShoaldProcess start(Path shoalHome, Path dataRoot, Path log) throws IOException, InterruptedException {
        Path bin = shoalHome.resolve("bin/shoald");
        if (!Files.isExecutable(bin)) {
            throw new IllegalArgumentException("--shoal-home: no executable bin/shoald in " + shoalHome + " (build it: mvn -B -o -q -DskipTests package)");
        }
        int apiPort = freePort();
        int clusterPort = freePort();
        String api = "http://127.0.0.1:" + apiPort;
        Process p = new ProcessBuilder(List.of(bin.toString(), "--data-root", dataRoot.toString(),
                "--api-addr", "127.0.0.1:" + apiPort, "--cluster-addr", "127.0.0.1:" + clusterPort))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ShoaldProcess shoald = new ShoaldProcess(dataRoot, log, p, api);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("shoald exited with " + p.exitValue() + "; its log: " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(api + "/_ping")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return shoald;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        shoald.close();
        throw new IllegalStateException("shoald did not answer /_ping within 90 s; its log: " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String api() {
        return api;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataRoot() {
        return dataRoot;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
