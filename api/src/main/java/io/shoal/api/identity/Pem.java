package io.shoal.api.identity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text for X.509 certificates and PKCS#8 EC private keys, with the JDK's own providers. */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {}

    public static String certificate(X509Certificate cert) {
        try {
            return block("CERTIFICATE", cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key is not PKCS#8 but " + key.getFormat());
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    public static String block(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    /** Every {@code type} block in {@code pem}, decoded; {@code what} names the source in errors. */
    public static List<byte[]> blocks(String pem, String type, String what) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem == null ? "" : pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                try {
                    out.add(Base64.getMimeDecoder().decode(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": bad base64 in a " + type + " block", e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(what + ": no PEM \"" + type + "\" block found");
        }
        return out;
    }

    public static List<X509Certificate> certificates(String pem, String what) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(pem, "CERTIFICATE", what)) {
                out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(what + ": not an X.509 certificate: " + e.getMessage(), e);
        }
        return out;
    }

    public static X509Certificate certificate(String pem, String what) {
        return certificates(pem, what).get(0);
    }

    /** A PKCS#8 EC private key. */
    public static PrivateKey privateKey(String pem, String what) {
        byte[] der = blocks(pem, "PRIVATE KEY", what).get(0);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(what + ": not a PKCS#8 EC private key: " + e.getMessage(), e);
        }
    }
}
