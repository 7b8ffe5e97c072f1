package io.shoal.manager.ca;

import io.shoal.api.identity.JoinToken;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The cluster's certificate authority: a self-signed ECDSA P-256 root (CN swarm-ca, O = cluster id) that
 * signs node certificates from their CSRs with CN = node id, OU = role, O = cluster id. The CSR only
 * contributes its public key (after its signature is checked); the subject is the CA's decision.
 */
public final class ClusterCa {
    static final String SIGNATURE = "SHA256withECDSA";

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final SecureRandom random;

    private ClusterCa(X509Certificate certificate, PrivateKey key, Clock clock, SecureRandom random) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
        this.random = random;
    }

    /** A new root for cluster {@code clusterId}, valid from a minute ago (clock skew) for {@code validity}. */
    public static ClusterCa create(String clusterId, Duration validity, Clock clock, SecureRandom random) {
        KeyPair pair = newKeyPair(random);
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, clusterId).addRDN(BCStyle.CN, "swarm-ca").build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(random), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new ClusterCa(sign(b, pair.getPrivate()), pair.getPrivate(), clock, random);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the cluster CA: " + e.getMessage(), e);
        }
    }

    /** The CA restored from the cluster state. */
    public static ClusterCa load(String certificatePem, String keyPem, Clock clock, SecureRandom random) {
        return new ClusterCa(Pem.certificate(certificatePem, "cluster CA certificate"), Pem.privateKey(keyPem, "cluster CA key"),
                clock, random);
    }

    public static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 key generator in this JVM", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    public String keyPem() {
        return Pem.privateKey(key);
    }

    /** The cluster id this CA certifies for (its O). */
    public String clusterId() {
        return io.shoal.api.identity.CertificateSubject.organization(certificate);
    }

    /** The digest join tokens carry for this CA. */
    public String digest() {
        try {
            return JoinToken.digestOf(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a certificate for the key in {@code csrPem}; refuses a CSR whose signature does not verify. */
    public X509Certificate issue(String csrPem, String nodeId, NodeRole role, Duration validity) {
        PKCS10CertificationRequest csr;
        try {
            csr = new PKCS10CertificationRequest(Pem.blocks(csrPem, "CERTIFICATE REQUEST", "CSR").get(0));
            PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded()));
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pub))) {
                throw new IllegalArgumentException("CSR: signature does not match its public key");
            }
            return issue(pub, nodeId, role, validity);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | PKCSException e) {
            throw new IllegalArgumentException("CSR: not a valid PKCS#10 request: " + e.getMessage(), e);
        }
    }

    /** Signs a certificate for {@code publicKey} (the managers' own, which need no CSR round trip). */
    public X509Certificate issue(PublicKey publicKey, String nodeId, NodeRole role, Duration validity) {
        if (nodeId == null || !nodeId.matches("[0-9a-z]{1,64}")) {
            throw new IllegalArgumentException("node id must be 1-64 lowercase letters and digits, got \"" + nodeId + "\"");
        }
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, clusterId())
                .addRDN(BCStyle.OU, role.organizationalUnit()).addRDN(BCStyle.CN, nodeId).build();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            notAfter = certificate.getNotAfter().toInstant();
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(random), Date.from(now.minusSeconds(60)),
                    Date.from(notAfter), new javax.security.auth.x500.X500Principal(subject.getEncoded()), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            return sign(b, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a node certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            ContentSigner s = new JcaContentSignerBuilder(SIGNATURE).build(signer);
            X509CertificateHolder holder = b.build(s);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(159, random).add(BigInteger.ONE);
    }
}
