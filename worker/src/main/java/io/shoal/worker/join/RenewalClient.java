package io.shoal.worker.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.NodeTls;
import io.shoal.api.identity.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/**
 * Renews this node's certificate before it expires: a new key and CSR, sent to a manager's join port over
 * mutual TLS with the current certificate (which is how the manager knows the node), and the new
 * certificate stored only if the pinned cluster CA signed it for this node and key.
 */
public final class RenewalClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CertificateStore store;
    private final SecureRandom random;
    private final Duration timeout;

    public RenewalClient(CertificateStore store, SecureRandom random, Duration timeout) {
        this.store = store;
        this.random = random;
        this.timeout = timeout;
    }

    /** @return the new certificate, already stored */
    public X509Certificate renew(String joinAddr) throws IOException {
        String keyPem = Files.readString(store.files().key());
        String certPem = Files.readString(store.files().certificate());
        String caPem = Files.readString(store.files().ca());
        X509Certificate ca = Pem.certificate(caPem, store.files().ca().toString());
        String nodeId = CertificateSubject.of(Pem.certificate(certPem, store.files().certificate().toString())).nodeId();
        CertificateRequest csr = CertificateRequest.create(nodeId, random);
        HttpClient http = HttpClient.newBuilder().sslContext(NodeTls.clientContext(keyPem, certPem, caPem, random))
                .connectTimeout(timeout).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://" + joinAddr + "/renew")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("Csr", csr.csrPem())))).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while renewing at " + joinAddr, e);
        }
        JsonNode body = JSON.readTree(resp.body());
        if (resp.statusCode() != 200) {
            throw new IOException("the manager at " + joinAddr + " refused the renewal: " + body.path("message").asText(resp.body()));
        }
        String newPem = body.path("Certificate").asText();
        X509Certificate cert = Pem.certificate(newPem, "renewed certificate");
        try {
            cert.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IOException("the renewed certificate is not signed by the cluster CA", e);
        }
        if (!cert.getPublicKey().equals(csr.keyPair().getPublic()) || !CertificateSubject.of(cert).nodeId().equals(nodeId)) {
            throw new IOException("the renewed certificate is for another node or key");
        }
        store.store(csr.keyPem(), newPem, caPem);
        return cert;
    }
}
