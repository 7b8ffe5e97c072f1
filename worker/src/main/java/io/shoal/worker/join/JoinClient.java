package io.shoal.worker.join;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.JoinToken;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.Pem;
import io.shoal.api.model.Node;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * Joins a swarm: checks the manager's CA against the token's digest during the TLS handshake (before
 * anything is sent), sends a CSR with the token, checks that the granted certificate is for this node's
 * key and id and signed by the pinned CA, and stores it.
 */
public final class JoinClient {
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SecureRandom random;
    private final Duration timeout;

    public JoinClient(SecureRandom random, Duration timeout) {
        this.random = random;
        this.timeout = timeout;
    }

    /** The identity a manager granted. */
    public record Joined(NodeRole role, String clusterId, List<String> managers, String certificatePem, String caPem, String keyPem) {}

    /** Why a join failed, in words for the user; {@code refused} when the manager said no (vs. unreachable). */
    public static final class JoinFailure extends IOException {
        private final boolean refused;

        public JoinFailure(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }

        public boolean refused() {
            return refused;
        }
    }

    /**
     * @param joinAddr the manager's join endpoint HOST:PORT (its cluster port + 1)
     */
    public Joined join(String joinAddr, String token, String nodeId, Node.Description description, String advertiseAddr)
            throws JoinFailure {
        JoinToken parsed;
        try {
            parsed = JoinToken.parse(token);
        } catch (IllegalArgumentException e) {
            throw new JoinFailure(e.getMessage(), true, e);
        }
        TokenPinnedTrust trust = new TokenPinnedTrust(parsed);
        CertificateRequest csr = CertificateRequest.create(nodeId, random);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Token", token);
        body.put("Csr", csr.csrPem());
        body.put("NodeId", nodeId);
        body.put("Description", description);
        body.put("Addr", advertiseAddr);
        JsonNode grant = post(joinAddr, "/join", body, trust);
        X509Certificate ca = trust.pinnedCa().orElseThrow(() -> new JoinFailure("the manager presented no CA", true, null));
        String certPem = grant.path("Certificate").asText();
        X509Certificate cert;
        try {
            cert = Pem.certificate(certPem, "granted certificate");
            cert.verify(ca.getPublicKey());
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new JoinFailure("the manager granted a certificate that the pinned CA did not sign: " + e.getMessage(), true, e);
        }
        CertificateSubject who = CertificateSubject.of(cert);
        if (!who.nodeId().equals(nodeId) || !cert.getPublicKey().equals(csr.keyPair().getPublic())) {
            throw new JoinFailure("the manager granted a certificate for another node or key", true, null);
        }
        List<String> managers = JSON.convertValue(grant.path("Managers"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        return new Joined(who.role(), who.clusterId(), managers, certPem, Pem.certificate(ca), csr.keyPem());
    }

    private JsonNode post(String addr, String path, Object body, TokenPinnedTrust trust) throws JoinFailure {
        try {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, new javax.net.ssl.TrustManager[] {trust}, random);
            HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://" + addr + path)).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(resp.body());
            if (resp.statusCode() != 200) {
                throw new JoinFailure("the manager at " + addr + " refused the join: " + json.path("message").asText(resp.body()), true, null);
            }
            return json;
        } catch (SSLHandshakeException e) {
            Throwable c = e;
            while (c.getCause() != null && !(c instanceof java.security.cert.CertificateException)) {
                c = c.getCause();
            }
            throw new JoinFailure("cannot trust the manager at " + addr + ": " + c.getMessage(), true, e);
        } catch (ConnectException e) {
            throw new JoinFailure("cannot reach the manager's join endpoint at " + addr + " (is it a manager? the join port is its cluster port + 1)", false, e);
        } catch (IOException e) {
            if (e instanceof JoinFailure f) {
                throw f;
            }
            throw new JoinFailure("join request to " + addr + " failed: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinFailure("interrupted while joining " + addr, false, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }
}
