package io.shoal.worker.join;

import io.shoal.api.identity.JoinToken;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server only if its chain contains a CA certificate whose SHA-256 digest is the join token's,
 * and the server's own certificate validates against that CA (PKIX). Host names are not checked: the
 * managers' certificates name node ids, and the pinned CA is what identifies the cluster. The CA found is
 * kept so the caller can store it.
 */
public final class TokenPinnedTrust extends X509ExtendedTrustManager {
    private final JoinToken token;
    private volatile X509Certificate pinnedCa;

    public TokenPinnedTrust(JoinToken token) {
        this.token = token;
    }

    public Optional<X509Certificate> pinnedCa() {
        return Optional.ofNullable(pinnedCa);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        X509Certificate ca = Arrays.stream(chain).filter(this::pinned).findFirst().orElseThrow(() -> new CertificateException(
                "the manager's CA does not match the join token's CA digest: refusing to trust it (wrong token, or not the manager you meant)"));
        try {
            PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
            p.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                    .generateCertPath(Arrays.asList(chain).subList(0, 1)), p);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the manager's certificate is not valid under the pinned CA: " + e.getMessage(), e);
        }
        pinnedCa = ca;
    }

    private boolean pinned(X509Certificate c) {
        try {
            return c.getBasicConstraints() >= 0 && token.pinsCa(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a joining node does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
