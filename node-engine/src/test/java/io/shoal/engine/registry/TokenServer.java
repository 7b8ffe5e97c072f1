package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker token-auth server (the protocol of auth.docker.io) for Debian's docker-registry configured with
 * {@code auth: token:}: it signs RS256 JWTs with a key made by the JDK's keytool, whose certificate is the
 * registry's root bundle and travels in the token's {@code x5c}. Anonymous callers get pull; {@code user} with
 * {@code password} gets whatever they ask; a wrong password gets 401.
 */
final class TokenServer implements AutoCloseable {

    static final String SERVICE = "shoal-test-registry";
    static final String ISSUER = "shoal-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token request as received. */
    record Request(String method, String query, String authorization) { }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Path rootCertBundle;
    private final String user;
    private final String password;
    private final PrivateKey key;
    private final Certificate cert;
    private final HttpServer server;

    TokenServer(Path dir, String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        Files.createDirectories(dir);
        Path keystore = dir.resolve("token.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        DebianTools.run(dir, keytool, "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=shoal-test-token", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit");
        rootCertBundle = dir.resolve("root.pem");
        DebianTools.run(dir, keytool, "-exportcert", "-rfc", "-alias", "token", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", rootCertBundle.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("token", "changeit".toCharArray());
        cert = ks.getCertificate("token");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/token", this::handle);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The registry's {@code auth:} section for this server. */
    String registryAuthYaml() {
        return String.join("\n",
                "  token:",
                "    realm: " + realm(),
                "    service: " + SERVICE,
                "    issuer: " + ISSUER,
                "    rootcertbundle: " + rootCertBundle);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
            String authz = ex.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(ex.getRequestMethod(), query, authz));
            boolean authenticated = FakeRegistry.basic(user, password).equals(authz);
            if (authz != null && !authenticated) {
                byte[] body = "{\"details\":\"incorrect username or password\"}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(401, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("token",
                    jwt(authenticated ? user : "", scopes(query), authenticated)).put("expires_in", 300));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static List<String> scopes(String query) {
        List<String> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.startsWith("scope=")) {
                out.add(URLDecoder.decode(pair.substring("scope=".length()), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private String jwt(String subject, List<String> scopes, boolean authenticated) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", subject).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            if (parts.length != 3 || !parts[0].equals("repository")) {
                continue;
            }
            ObjectNode grant = access.addObject().put("type", "repository").put("name", parts[1]);
            ArrayNode actions = grant.putArray("actions");
            for (String action : parts[2].split(",")) {
                if (authenticated || action.equals("pull")) {
                    actions.add(action);
                }
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
