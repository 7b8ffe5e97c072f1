package io.shoal.engine.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Content-addressed blobs under {@code root/sha256/<hex>}, as in an OCI image layout. A write streams to a
 * temporary file beside its target while hashing, and is renamed into place only when the hash is the expected
 * digest, so a reader never sees a partial or corrupt blob and a crash leaves only a temp file.
 */
public final class BlobStore {

    private final Path root;

    public BlobStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("sha256"));
    }

    public Path path(Digest digest) {
        return root.resolve("sha256").resolve(digest.hex());
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    public Optional<Path> find(Digest digest) {
        return has(digest) ? Optional.of(path(digest)) : Optional.empty();
    }

    /** Stores {@code in} under {@code expected}; throws {@link DigestMismatchException} and keeps nothing if not. */
    public Path put(InputStream in, Digest expected) throws IOException {
        if (has(expected)) {
            in.transferTo(OutputStream.nullOutputStream());
            return path(expected);
        }
        Digest actual = write(in, expected);
        if (!actual.equals(expected)) {
            throw new DigestMismatchException(expected, actual);
        }
        return path(expected);
    }

    /** Stores content whose digest is not known in advance (a config written by the engine). */
    public Digest put(byte[] bytes) throws IOException {
        Digest digest = Digest.of(bytes);
        put(new java.io.ByteArrayInputStream(bytes), digest);
        return digest;
    }

    public byte[] read(Digest digest) throws IOException {
        return Files.readAllBytes(path(digest));
    }

    public void delete(Digest digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }

    private Digest write(InputStream in, Digest expected) throws IOException {
        Path tmp = Files.createTempFile(root.resolve("sha256"), ".ingest-" + expected.hex().substring(0, 12), "");
        try {
            MessageDigest md = Digest.sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                in.transferTo(out);
            }
            Digest actual = new Digest(HexFormat.of().formatHex(md.digest()));
            if (actual.equals(expected)) {
                Files.move(tmp, path(expected), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return actual;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (NoSuchFileException ignored) {
                // moved into place
            }
        }
    }
}
