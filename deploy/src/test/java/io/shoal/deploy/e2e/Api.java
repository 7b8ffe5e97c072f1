package io.shoal.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny Docker Engine API client for the end-to-end tests: raw status and JSON, nothing hidden. */
public final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String base;

    public Api(String root) {
        this.root = root;
        this.base = root + "/v1.49";
    }

    /** A path without the {@code /v1.49} prefix, as old clients send it. */
    public Reply getUnversioned(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String message() {
            return json().path("message").asText();
        }
    }

    public Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file as the body, e.g. a {@code docker save} archive to {@code /images/load}. */
    public Reply postFile(String path, java.nio.file.Path file, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
    }

    public Reply delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** The versioned root every path above is sent under. */
    public String base() {
        return base;
    }

    public static String filters(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }
}
