package io.shoal.worker.join;

import io.shoal.api.identity.Pem;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A fresh ECDSA P-256 key and a PKCS#10 request for it. The private key never leaves the node; the CA
 * decides the subject (node id, role, cluster), so the request's own subject is just the node id.
 */
public record CertificateRequest(KeyPair keyPair, String csrPem) {

    public static CertificateRequest create(String nodeId, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = g.generateKeyPair();
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + nodeId), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new CertificateRequest(pair, Pem.block("CERTIFICATE REQUEST", csr.getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create a certificate request: " + e.getMessage(), e);
        }
    }

    public String keyPem() {
        return Pem.privateKey(keyPair.getPrivate());
    }
}
