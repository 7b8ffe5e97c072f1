package io.shoal.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * HTTP to a Shoal manager (or dockerd) over the Docker Engine API. Before the first request it asks
 * {@code HEAD /_ping} for the daemon's {@code API-Version} and prefixes every path with
 * {@code /v<min(that, ours)>}, as the docker CLI negotiates. Answers other than 2xx become
 * {@link DaemonError} with Docker's message; no answer at all becomes {@link DaemonUnreachable}.
 */
public final class EngineClient {
    /** The newest Engine API version this client speaks. */
    public static final String API_VERSION = "1.49";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final DaemonAddress address;
    private final HttpClient http;
    private String prefix;

    public EngineClient(DaemonAddress address) {
        this.address = address;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    public DaemonAddress address() {
        return address;
    }

    /** The negotiated version ("" when the daemon announced none and paths go unversioned). */
    public String apiVersion() {
        negotiate();
        return prefix.isEmpty() ? "" : prefix.substring(2);
    }

    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send("GET", path, query, null);
    }

    public JsonNode post(String path, Map<String, String> query, JsonNode body) {
        return send("POST", path, query, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, Map.of(), null);
    }

    public JsonNode delete(String path, Map<String, String> query) {
        return send("DELETE", path, query, null);
    }

    /**
     * A streamed GET ({@code logs}): the body as it arrives, with no time limit (a follow lasts until the caller
     * closes it). A non-2xx answer is a {@link DaemonError} with Docker's message.
     */
    public java.io.InputStream stream(String path, Map<String, String> query) {
        negotiate();
        HttpRequest req = HttpRequest.newBuilder(address.baseUri().resolve(prefix + path + queryString(query)))
                .header("User-Agent", "shoal-cli").GET().build();
        HttpResponse<java.io.InputStream> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DaemonUnreachable(address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonUnreachable(address, e);
        }
        if (resp.statusCode() / 100 != 2) {
            String text;
            try (java.io.InputStream in = resp.body()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw new DaemonError(resp.statusCode(), errorMessage(resp.statusCode(), text));
        }
        return resp.body();
    }

    /** {@code "/services/" + segment(ref)}: a name or id as one path segment. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An ordered query map, for readable call sites: {@code query("version", "3")}. */
    public static Map<String, String> query(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private JsonNode send(String method, String path, Map<String, String> query, JsonNode body) {
        negotiate();
        URI uri = address.baseUri().resolve(prefix + path + queryString(query));
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("User-Agent", "shoal-cli");
        if (body != null) {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> resp = exchange(req.build());
        if (resp.statusCode() / 100 != 2) {
            throw new DaemonError(resp.statusCode(), errorMessage(resp));
        }
        String text = resp.body();
        if (text == null || text.isBlank()) {
            return Json.F.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DaemonError(resp.statusCode(), "the daemon answered " + method + " " + path + " with a body that is " + e.getMessage());
        }
    }

    private void negotiate() {
        if (prefix != null) {
            return;
        }
        HttpResponse<String> ping = exchange(HttpRequest.newBuilder(address.baseUri().resolve("/_ping")).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "shoal-cli").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        if (ping.statusCode() / 100 != 2) {
            ping = exchange(HttpRequest.newBuilder(address.baseUri().resolve("/_ping")).timeout(REQUEST_TIMEOUT)
                    .header("User-Agent", "shoal-cli").GET().build());
        }
        Optional<String> announced = ping.headers().firstValue("API-Version").filter(v -> v.matches("\\d+\\.\\d+"));
        prefix = announced.map(v -> "/v" + min(v, API_VERSION)).orElse("");
    }

    static String min(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        if (c == 0) {
            c = Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        }
        return c <= 0 ? a : b;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DaemonUnreachable(address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonUnreachable(address, e);
        }
    }

    private static String errorMessage(HttpResponse<String> resp) {
        return errorMessage(resp.statusCode(), resp.body());
    }

    private static String errorMessage(int status, String body) {
        String text = body == null ? "" : body.trim();
        if (text.startsWith("{")) {
            try {
                JsonNode msg = Json.parse(text).path("message");
                if (msg.isTextual()) {
                    return msg.asText();
                }
            } catch (IllegalArgumentException e) {
                // not JSON after all: fall through to the raw text
            }
        }
        return text.isEmpty() ? "HTTP " + status : text;
    }

    private static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
