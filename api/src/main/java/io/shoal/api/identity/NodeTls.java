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
        return build(keyPem, certificatePem, caPem, random, false);
    }

    /**
     * For a node calling a manager's join port by address: the same trust in the cluster CA only, without
     * host name checks (node certificates name node ids, not addresses).
     */
    public static SSLContext clientContext(String keyPem, String certificatePem, String caPem, SecureRandom random) {
        return build(keyPem, certificatePem, caPem, random, true);
    }

    private static SSLContext build(String keyPem, String certificatePem, String caPem, SecureRandom random, boolean noHostnames) {
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
            javax.net.ssl.TrustManager[] tms = tmf.getTrustManagers();
            if (noHostnames) {
                tms = new javax.net.ssl.TrustManager[] {new CaOnlyTrust((javax.net.ssl.X509TrustManager) tms[0])};
            }
            ctx.init(kmf.getKeyManagers(), tms, random);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot build a TLS context from the node's certificates: " + e.getMessage(), e);
        }
    }

    /** Delegates to the PKIX checks that take no socket or engine, which never compare host names. */
    private static final class CaOnlyTrust extends javax.net.ssl.X509ExtendedTrustManager {
        private final javax.net.ssl.X509TrustManager pkix;

        CaOnlyTrust(javax.net.ssl.X509TrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket s) throws java.security.cert.CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) throws java.security.cert.CertificateException {
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket s) throws java.security.cert.CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) throws java.security.cert.CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
