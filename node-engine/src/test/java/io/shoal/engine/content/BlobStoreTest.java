package io.shoal.engine.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesUnderItsDigestAndRefusesAMismatchLeavingNothing() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        Digest d = Digest.of(hello);
        assertThat(d.toString()).isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        store.put(new ByteArrayInputStream(hello), d);
        assertThat(store.read(d)).isEqualTo(hello);
        Digest other = Digest.of("other".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(hello), other))
                .isInstanceOf(DigestMismatchException.class);
        assertThat(store.has(other)).isFalse();
        try (var files = Files.list(dir.resolve("sha256"))) {
            assertThat(files).containsExactly(store.path(d));
        }
    }

    @Test
    void digestsAreValidated() {
        assertThatThrownBy(() -> Digest.parse("md5:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.parse("sha256:../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
