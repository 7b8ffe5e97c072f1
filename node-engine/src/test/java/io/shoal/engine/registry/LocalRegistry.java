package io.shoal.engine.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's {@code docker-registry} (distribution 2.8) as a child process on a free loopback port, with its own
 * config and storage under a test directory; never the system service. {@link #close} stops it by its PID.
 */
final class LocalRegistry implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private LocalRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static LocalRegistry start(Path dir) throws IOException, InterruptedException {
        return start(dir, "");
    }

    /** With an {@code auth:} section (YAML, indented two spaces under it), e.g. htpasswd or token. */
    static LocalRegistry start(Path dir, String auth) throws IOException, InterruptedException {
        Path binary = DebianTools.require("docker-registry", "docker-registry");
        Files.createDirectories(dir.resolve("storage"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, String.join("\n",
                "version: 0.1",
                "log:",
                "  level: info",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + dir.resolve("storage"),
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: 127.0.0.1:" + port,
                "  secret: shoal-test",
                auth.isEmpty() ? "" : "auth:\n" + auth,
                ""));
        Path log = dir.resolve("registry.log");
        Process p = new ProcessBuilder(binary.toString(), "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LocalRegistry registry = new LocalRegistry(p, port, log);
        try {
            registry.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** {@code 127.0.0.1:<port>}: the domain part of references to this registry. */
    String domain() {
        return "127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + domain() + "/v2/")).build();
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited " + process.exitValue() + ":\n" + log());
            }
            try {
                int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (java.net.ConnectException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("docker-registry did not answer on " + domain() + " within 10 s:\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
