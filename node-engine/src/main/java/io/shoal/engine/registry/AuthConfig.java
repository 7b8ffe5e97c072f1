package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials for one registry request, as Docker's {@code X-Registry-Auth} header carries them: a username and
 * password, an identity token (an OAuth2 refresh token from {@code docker login}) or a registry token (a bearer
 * token used as is). All fields may be null; {@link #anonymous()} has none.
 */
public record AuthConfig(String username, String password, String identityToken, String registryToken,
                         String serverAddress) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static AuthConfig anonymous() {
        return new AuthConfig(null, null, null, null, null);
    }

    public static AuthConfig basic(String username, String password) {
        return new AuthConfig(username, password, null, null, null);
    }

    public boolean hasUserPassword() {
        return notBlank(username) && password != null;
    }

    public boolean hasIdentityToken() {
        return notBlank(identityToken);
    }

    public boolean hasRegistryToken() {
        return notBlank(registryToken);
    }

    /**
     * Decodes an {@code X-Registry-Auth} value: base64url (padded or not; standard base64 accepted too) of a JSON
     * object with {@code username}, {@code password}, {@code auth} (base64 of {@code user:password}),
     * {@code identitytoken}, {@code registrytoken}, {@code serveraddress}. A null or empty header is anonymous.
     */
    public static AuthConfig fromHeader(String header) throws RegistryException {
        if (header == null || header.isBlank()) {
            return anonymous();
        }
        JsonNode n;
        try {
            String b64 = header.trim().replace('+', '-').replace('/', '_');
            while (b64.endsWith("=")) {
                b64 = b64.substring(0, b64.length() - 1);
            }
            n = JSON.readTree(Base64.getUrlDecoder().decode(b64));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid(e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw invalid("not a JSON object");
        }
        String username = text(n, "username");
        String password = text(n, "password");
        String auth = text(n, "auth");
        if (notBlank(auth) && !notBlank(username)) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid("field auth is not base64");
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw invalid("field auth is not base64 of user:password");
            }
            username = pair.substring(0, colon);
            password = pair.substring(colon + 1);
        }
        return new AuthConfig(username, password, text(n, "identitytoken"), text(n, "registrytoken"),
                text(n, "serveraddress"));
    }

    /** Encodes as the docker CLI does (base64url of the JSON); for clients and tests. */
    public String toHeader() {
        var n = JSON.createObjectNode();
        put(n, "username", username);
        put(n, "password", password);
        put(n, "identitytoken", identityToken);
        put(n, "registrytoken", registryToken);
        put(n, "serveraddress", serverAddress);
        return Base64.getUrlEncoder().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AuthConfig[username=" + username + ", password=" + (password == null ? null : "***")
                + ", identityToken=" + (identityToken == null ? null : "***") + ", registryToken="
                + (registryToken == null ? null : "***") + ", serverAddress=" + serverAddress + "]";
    }

    private static void put(com.fasterxml.jackson.databind.node.ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static RegistryException invalid(String why) {
        return new RegistryException(RegistryException.Kind.INVALID, "invalid X-Registry-Auth header: " + why);
    }
}
