package io.shoal.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process stand-in for a manager's Docker Engine API on 127.0.0.1: it records every request (method,
 * decoded path and query, body) and answers from a table of canned replies keyed by {@code "METHOD /path"}
 * (path without the {@code /v1.NN} prefix and query). {@code /_ping} announces {@link #apiVersion}.
 */
public final class FakeDaemon implements AutoCloseable {
    /** One recorded request; {@code target} is {@code "METHOD /path?query"} with the query decoded. */
    public record Request(String method, String path, String query, String body) {
        public String target() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private record Reply(int status, String body, byte[] binary) {
        Reply(int status, String body) {
            this(status, body, null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private volatile String apiVersion = "1.49";

    public FakeDaemon() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String address() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What {@code /_ping} announces in {@code API-Version}; null for no header at all. */
    public FakeDaemon apiVersion(String v) {
        apiVersion = v;
        return this;
    }

    /** Replies to {@code "GET /services/web"} (unversioned path, no query) with {@code status} and {@code json}. */
    public FakeDaemon on(String methodAndPath, int status, String json) {
        replies.put(methodAndPath, new Reply(status, json));
        return this;
    }

    /** Replies 200 with {@code bytes} as they are (a log stream's frames). */
    public FakeDaemon onBinary(String methodAndPath, byte[] bytes) {
        replies.put(methodAndPath, new Reply(200, null, bytes));
        return this;
    }

    public FakeDaemon onFixture(String methodAndPath, String fixture) {
        return on(methodAndPath, 200, fixture(fixture));
    }

    /** Every request but the version negotiation, as {@code "METHOD /v1.49/path?query"}. */
    public List<String> targets() {
        List<String> out = new ArrayList<>();
        for (Request r : requests()) {
            if (!r.path().equals("/_ping")) {
                out.add(r.target());
            }
        }
        return out;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The body of the only request to {@code method} a path ending in {@code pathSuffix}. */
    public String body(String method, String pathSuffix) {
        List<String> bodies = new ArrayList<>();
        for (Request r : requests()) {
            if (r.method().equals(method) && r.path().endsWith(pathSuffix)) {
                bodies.add(r.body());
            }
        }
        if (bodies.size() != 1) {
            throw new AssertionError("expected one " + method + " *" + pathSuffix + ", got " + bodies.size() + ": " + targets());
        }
        return bodies.get(0);
    }

    public static String fixture(String name) {
        try (InputStream in = FakeDaemon.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(ex.getRequestMethod(), URLDecoder.decode(path, StandardCharsets.UTF_8),
                rawQuery == null ? null : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8), body));
        if (path.equals("/_ping")) {
            if (apiVersion != null) {
                ex.getResponseHeaders().add("API-Version", apiVersion);
            }
            ex.getResponseHeaders().add("Swarm", "active/manager");
            respond(ex, 200, ex.getRequestMethod().equals("HEAD") ? null : "OK");
            return;
        }
        String unversioned = URLDecoder.decode(path.replaceFirst("^/v\\d+\\.\\d+/", "/"), StandardCharsets.UTF_8);
        Reply reply = replies.get(ex.getRequestMethod() + " " + unversioned);
        if (reply == null) {
            respond(ex, 404, "{\"message\":\"page not found\"}");
        } else if (reply.binary() != null) {
            ex.getResponseHeaders().add("Content-Type", "application/vnd.docker.multiplexed-stream");
            ex.sendResponseHeaders(200, reply.binary().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.binary());
            }
        } else {
            respond(ex, reply.status(), reply.body());
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        if (body == null || status == 204) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
