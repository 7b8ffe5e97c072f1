package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Authorization header of one session, earned from the registry's challenges. A bearer challenge is answered
 * with a token from its realm for the session's scopes plus the challenge's own ({@code GET} with basic
 * credentials, or anonymous; {@code POST grant_type=refresh_token} with an identity token; a registry token is
 * used as is); a basic challenge with the username and password. Each kind of answer is tried once per session,
 * so a registry that keeps refusing ends in {@link RegistryException.Kind#UNAUTHORIZED}, never a loop.
 */
final class Authenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "shoal";

    private final Transport transport;
    private final AuthConfig auth;
    private final Set<String> scopes;
    private final Set<String> tried = new LinkedHashSet<>();
    private volatile String header;

    Authenticator(Transport transport, AuthConfig auth, Set<String> scopes) {
        this.transport = transport;
        this.auth = auth;
        this.scopes = new LinkedHashSet<>(scopes);
    }

    Optional<String> header() {
        return Optional.ofNullable(header);
    }

    /**
     * Answers a 401's challenges; true when there is a new header to retry with, false when nothing untried is
     * left (the caller then reports the 401).
     */
    synchronized boolean answer(List<String> wwwAuthenticate) throws IOException {
        List<Challenge> challenges = Challenge.parseAll(wwwAuthenticate);
        for (Challenge c : challenges) {
            if (c.scheme().equals("bearer") && c.param("realm").isPresent()) {
                c.param("scope").ifPresent(s -> scopes.addAll(List.of(s.split(" "))));
                String key = "bearer " + String.join(" ", scopes);
                if (!tried.add(key)) {
                    return false;
                }
                header = "Bearer " + token(c);
                return true;
            }
        }
        for (Challenge c : challenges) {
            if (c.scheme().equals("basic") && auth.hasUserPassword() && tried.add("basic")) {
                header = "Basic " + Base64.getEncoder().encodeToString(
                        (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
                return true;
            }
        }
        return false;
    }

    private String token(Challenge c) throws IOException {
        if (auth.hasRegistryToken()) {
            return auth.registryToken();
        }
        StringBuilder query = new StringBuilder();
        c.param("service").ifPresent(s -> query.append("&service=").append(enc(s)));
        for (String scope : scopes) {
            query.append("&scope=").append(enc(scope));
        }
        URI realm = URI.create(c.param("realm").orElseThrow());
        HttpRequest.Builder req;
        if (auth.hasIdentityToken()) {
            String form = "grant_type=refresh_token&client_id=" + CLIENT_ID + "&refresh_token="
                    + enc(auth.identityToken()) + query;
            req = HttpRequest.newBuilder(realm).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            String sep = realm.getRawQuery() == null ? "?" : "&";
            String q = query.length() == 0 ? "" : sep + query.substring(1);
            if (auth.hasUserPassword()) {
                q += (q.isEmpty() ? sep : "&") + "account=" + enc(auth.username()) + "&client_id=" + CLIENT_ID
                        + "&offline_token=true";
            }
            req = HttpRequest.newBuilder(URI.create(realm + q)).GET();
            if (auth.hasUserPassword()) {
                req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        HttpResponse<byte[]> res = transport.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() == 401 || res.statusCode() == 403) {
            throw new RegistryException(RegistryException.Kind.UNAUTHORIZED, auth.hasUserPassword()
                    || auth.hasIdentityToken() ? "unauthorized: incorrect username or password"
                    : "unauthorized: authentication required");
        }
        if (res.statusCode() / 100 != 2) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "token endpoint " + realm + " answered "
                    + res.statusCode());
        }
        JsonNode body = JSON.readTree(res.body());
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "token endpoint " + realm
                    + " returned no token");
        }
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
