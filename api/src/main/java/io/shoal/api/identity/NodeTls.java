package io.shoal.api.identity;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context for a node: its key and certificate (sent with the CA, so peers see the chain) and trust
 * in exactly one root, the cluster CA. Used by the cluster transport and the join endpoint alike.
 */
public final class NodeTls {
    private NodeTls() {}

    public static SSLContext context(String keyPem, String certificatePem, String caPem, SecureRandom random) {
        PrivateKey key = Pem.privateKey(keyPem, "node key");
        X509Certificate cert = Pem.certificate(certificatePem, "node certificate");
        X509Certificate ca = Pem.certificate(caPem, "cluster CA certificate");
        try {
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("node", key, none, new X509Certificate[] {cert, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keys, none);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("cluster-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), random);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot build a TLS context from the node's certificates: " + e.getMessage(), e);
        }
    }
}
