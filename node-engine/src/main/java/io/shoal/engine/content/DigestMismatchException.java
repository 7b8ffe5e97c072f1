package io.shoal.engine.content;

/** Bytes written under a digest did not hash to it: the blob was refused and nothing was kept. */
public final class DigestMismatchException extends java.io.IOException {
    public DigestMismatchException(Digest expected, Digest actual) {
        super("digest mismatch: expected " + expected + ", got " + actual);
    }
}
