package io.shoal.worker.join;

import io.shoal.api.identity.NodeCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a node's key, certificate and CA under {@code DATA_ROOT/certificates} (directory 0700, files
 * 0600), each through a temporary file and an atomic rename, so a reader (the TLS transport reloading
 * renewed files) never sees half a file. The certificate is written last: a new certificate always finds
 * its key.
 */
public final class CertificateStore {
    private final NodeCertificates files;

    public CertificateStore(NodeCertificates files) {
        this.files = files;
    }

    public NodeCertificates files() {
        return files;
    }

    public void store(String keyPem, String certificatePem, String caPem) throws IOException {
        Files.createDirectories(files.directory(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        write(files.ca(), caPem);
        write(files.key(), keyPem);
        write(files.certificate(), certificatePem);
    }

    public boolean present() {
        return Files.isRegularFile(files.key()) && Files.isRegularFile(files.certificate()) && Files.isRegularFile(files.ca());
    }

    /** Drops the identity ({@code swarm leave}). */
    public void delete() throws IOException {
        Files.deleteIfExists(files.certificate());
        Files.deleteIfExists(files.key());
        Files.deleteIfExists(files.ca());
    }

    private void write(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(files.directory(), target.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
