package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shoal.engine.content.Digest;
import io.shoal.engine.image.MediaTypes;
import io.shoal.engine.testing.Tars;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny in-process registry for what the real one cannot be made to do on demand: bearer and basic challenges
 * with a token endpoint, corrupt blobs, redirects to another origin. Serves one image, {@code test/img:v1}.
 */
final class FakeRegistry implements AutoCloseable {

    enum Auth { NONE, BEARER, BASIC }

    /** What a request carried, for assertions. */
    record Seen(String method, String uri, String authorization, String body) { }

    static final String TOKEN = "registry-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final byte[] layer;
    final byte[] config;
    final byte[] manifest;
    final Digest layerDigest;
    final Digest manifestDigest;
    volatile Auth auth = Auth.NONE;
    volatile String user = "alice";
    volatile String password = "secret";
    volatile String identityToken = "refresh-me";
    volatile boolean corruptLayer;
    volatile boolean rejectEveryToken;
    volatile boolean redirectBlobs;
    /** Answer every manifest request with the one manifest, as a lying or broken registry would. */
    volatile boolean anyManifest;
    /** The next this-many downloads of {@link #layer} break off halfway, as a dropped connection does. */
    final java.util.concurrent.atomic.AtomicInteger breakLayer = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;
    /** The next this-many downloads of {@link #layer} send half and then nothing until the fake closes. */
    final java.util.concurrent.atomic.AtomicInteger stallLayer = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
    private final java.util.Map<String, byte[]> extraLayers = new java.util.HashMap<>();

    FakeRegistry() throws IOException {
        this(1);
    }

    /** Serves an image of {@code layerCount} layers; the last one is {@link #layer}, the one corrupted on demand. */
    FakeRegistry(int layerCount) throws IOException {
        ObjectNode cfg = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        cfg.putObject("config").putArray("Cmd").add("/bin/true");
        var diffIds = cfg.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        ObjectNode m = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
        var layerNodes = m.putArray("layers");
        byte[] last = null;
        for (int i = layerCount - 1; i >= 0; i--) {
            String name = i == 0 ? "fake.txt" : "extra" + i + ".txt";
            byte[] tar = new Tars().file(name, 0644, i == 0 ? "from the fake registry\n" : "extra " + i + "\n")
                    .bytes();
            var gz = new java.io.ByteArrayOutputStream();
            try (var out = new java.util.zip.GZIPOutputStream(gz)) {
                out.write(tar);
            }
            byte[] blob = gz.toByteArray();
            diffIds.add(Digest.of(tar).toString());
            layerNodes.addObject().put("mediaType", MediaTypes.OCI_LAYER_GZIP)
                    .put("digest", Digest.of(blob).toString()).put("size", blob.length);
            extraLayers.put("/v2/test/img/blobs/" + Digest.of(blob), blob);
            last = blob;
        }
        layer = last;
        layerDigest = Digest.of(layer);
        extraLayers.remove("/v2/test/img/blobs/" + layerDigest);
        config = JSON.writeValueAsBytes(cfg);
        m.putObject("config").put("mediaType", MediaTypes.OCI_CONFIG).put("digest", Digest.of(config).toString())
                .put("size", config.length);
        manifest = JSON.writeValueAsBytes(m);
        manifestDigest = Digest.of(manifest);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String domain() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authz = ex.getRequestHeaders().getFirst("Authorization");
            String path = ex.getRequestURI().getPath();
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), authz, body));
            if (path.equals("/token")) {
                token(ex, authz, body);
            } else if (path.startsWith("/storage/")) {
                send(ex, 200, "application/octet-stream", layer);
            } else if (!authorized(authz)) {
                challenge(ex);
            } else if (path.equals("/v2/test/img/manifests/v1")
                    || path.equals("/v2/test/img/manifests/" + manifestDigest)
                    || anyManifest && path.startsWith("/v2/test/img/manifests/")) {
                send(ex, 200, MediaTypes.OCI_MANIFEST, manifest);
            } else if (path.equals("/v2/test/img/blobs/" + Digest.of(config))) {
                send(ex, 200, "application/octet-stream", config);
            } else if (extraLayers.containsKey(path)) {
                send(ex, 200, "application/octet-stream", extraLayers.get(path));
            } else if (path.equals("/v2/test/img/blobs/" + layerDigest)) {
                if (redirectBlobs) {
                    ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort()
                            + "/storage/" + layerDigest.hex() + "?signed=1");
                    send(ex, 307, "text/plain", new byte[0]);
                    return;
                }
                if (stallLayer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, layer.length);
                    ex.getResponseBody().write(layer, 0, layer.length / 2);
                    ex.getResponseBody().flush();
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("stalled on purpose");
                }
                if (breakLayer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, layer.length);
                    ex.getResponseBody().write(layer, 0, layer.length / 2);
                    ex.getResponseBody().flush();
                    throw new IOException("connection dropped on purpose");
                }
                byte[] out = layer.clone();
                if (corruptLayer) {
                    out[out.length / 2] ^= 1;
                }
                send(ex, 200, "application/octet-stream", out);
            } else {
                send(ex, 404, "application/json", ("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\","
                        + "\"message\":\"manifest unknown\"}]}").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private boolean authorized(String authz) {
        return switch (auth) {
            case NONE -> true;
            case BEARER -> !rejectEveryToken && ("Bearer " + TOKEN).equals(authz);
            case BASIC -> basic(user, password).equals(authz);
        };
    }

    private void challenge(HttpExchange ex) throws IOException {
        String value = auth == Auth.BASIC ? "Basic realm=\"fake\""
                : "Bearer realm=\"http://" + domain() + "/token\",service=\"fake-registry\","
                + "scope=\"repository:test/img:pull\"";
        ex.getResponseHeaders().add("WWW-Authenticate", value);
        send(ex, 401, "application/json",
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Anonymous GET, GET with basic credentials, or POST refresh_token: all give {@link #TOKEN} if right. */
    private void token(HttpExchange ex, String authz, String body) throws IOException {
        boolean ok;
        if (ex.getRequestMethod().equals("POST")) {
            ok = body.contains("grant_type=refresh_token") && body.contains("refresh_token=" + identityToken);
        } else {
            ok = authz == null || basic(user, password).equals(authz);
        }
        if (!ok) {
            send(ex, 401, "application/json", "{\"details\":\"incorrect username or password\"}".getBytes());
            return;
        }
        String field = ex.getRequestMethod().equals("POST") ? "access_token" : "token";
        send(ex, 200, "application/json", ("{\"" + field + "\":\"" + TOKEN + "\",\"expires_in\":300}").getBytes());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    List<Seen> requests(String pathPrefix) {
        return seen.stream().filter(s -> s.uri().startsWith(pathPrefix)).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
