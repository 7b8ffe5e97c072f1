package io.shoal.api.identity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;

/**
 * A join token as Swarm writes it: {@code SWMTKN-1-<digest>-<secret>}, where {@code digest} is the SHA-256
 * of the cluster CA certificate (DER) in base 36, zero-padded to 50 characters, and {@code secret} is 128
 * random bits in base 36, zero-padded to 25. The digest lets a joining node check the CA before trusting
 * it; the secret (one per role) proves the joiner may join with that role.
 */
public record JoinToken(String caDigest, String secret) {
    public static final String PREFIX = "SWMTKN";
    public static final String VERSION = "1";
    static final int DIGEST_LENGTH = 50;
    static final int SECRET_LENGTH = 25;

    public JoinToken {
        if (caDigest == null || !caDigest.matches("[0-9a-z]{" + DIGEST_LENGTH + "}")) {
            throw new IllegalArgumentException("invalid join token: the CA digest must be " + DIGEST_LENGTH
                    + " base-36 characters");
        }
        if (secret == null || !secret.matches("[0-9a-z]{" + SECRET_LENGTH + "}")) {
            throw new IllegalArgumentException("invalid join token: the secret must be " + SECRET_LENGTH + " base-36 characters");
        }
    }

    /** Parses {@code SWMTKN-1-<digest>-<secret>}; the message says which part is wrong. */
    public static JoinToken parse(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("invalid join token: empty");
        }
        String[] parts = token.strip().split("-", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("invalid join token: expected SWMTKN-1-<CA digest>-<secret>");
        }
        if (!VERSION.equals(parts[1])) {
            throw new IllegalArgumentException("invalid join token: unsupported version " + parts[1] + " (expected 1)");
        }
        return new JoinToken(parts[2], parts[3]);
    }

    /** A fresh token for the CA with this digest. */
    public static JoinToken generate(String caDigest, RandomGenerator random) {
        return new JoinToken(caDigest, randomSecret(random));
    }

    public static String randomSecret(RandomGenerator random) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return pad(new BigInteger(1, bits).toString(36), SECRET_LENGTH);
    }

    /** The token's CA digest for a CA certificate's DER bytes. */
    public static String digestOf(byte[] caCertificateDer) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(caCertificateDer);
            return pad(new BigInteger(1, sha).toString(36), DIGEST_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether this token's CA digest is the given CA certificate's. */
    public boolean pinsCa(byte[] caCertificateDer) {
        return constantTimeEquals(caDigest, digestOf(caCertificateDer));
    }

    /** Compares secrets without leaking, through timing, how many leading characters matched. */
    public boolean secretMatches(String expected) {
        return expected != null && constantTimeEquals(secret, expected);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    @Override
    public String toString() {
        return PREFIX + "-" + VERSION + "-" + caDigest + "-" + secret;
    }
}
