package io.shoal.manager.ca.http;

import io.shoal.api.error.ApiException;
import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.Pem;
import io.shoal.manager.ca.ClusterSecurity;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** A peer's node certificate must be signed by this cluster's CA, be current, and name this cluster. */
final class NodeCertificateCheck {
    private NodeCertificateCheck() {}

    static CertificateSubject verify(X509Certificate peer, ClusterSecurity security) {
        X509Certificate ca = Pem.certificate(security.caCertificatePem(), "cluster CA");
        try {
            peer.verify(ca.getPublicKey());
            peer.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new ApiException(401, "client certificate is not a current certificate of this cluster's CA");
        }
        CertificateSubject who = CertificateSubject.of(peer);
        if (!who.clusterId().equals(CertificateSubject.organization(ca))) {
            throw new ApiException(401, "client certificate belongs to cluster " + who.clusterId());
        }
        return who;
    }
}
