package io.shoal.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    private static final String SHA = "sha256:" + "a".repeat(64);

    @ParameterizedTest
    @CsvSource({
        "busybox, docker.io/library/busybox:latest, busybox:latest",
        "busybox:1.36, docker.io/library/busybox:1.36, busybox:1.36",
        "library/busybox, docker.io/library/busybox:latest, busybox:latest",
        "index.docker.io/library/busybox, docker.io/library/busybox:latest, busybox:latest",
        "user/app:v1, docker.io/user/app:v1, user/app:v1",
        "localhost/app, localhost/app:latest, localhost/app:latest",
        "localhost:5000/app:dev, localhost:5000/app:dev, localhost:5000/app:dev",
        "127.0.0.1:5000/ns/name:tag, 127.0.0.1:5000/ns/name:tag, 127.0.0.1:5000/ns/name:tag",
        "quay.io/a/b/c, quay.io/a/b/c:latest, quay.io/a/b/c:latest",
        "my_app-x.y__z, docker.io/library/my_app-x.y__z:latest, my_app-x.y__z:latest",
    })
    void normalisesAsDocker(String input, String full, String familiar) {
        ImageReference ref = ImageReference.of(input);
        assertThat(ref.toString()).isEqualTo(full);
        assertThat(ref.familiar()).isEqualTo(familiar);
    }

    @Test
    void keepsTagAndDigestTogether() {
        ImageReference ref = ImageReference.of("host:5000/ns/name:tag@" + SHA);
        assertThat(ref.domain()).isEqualTo("host:5000");
        assertThat(ref.path()).isEqualTo("ns/name");
        assertThat(ref.tag()).isEqualTo("tag");
        assertThat(ref.digest()).isEqualTo(SHA);
        assertThat(ref.manifestReference()).isEqualTo(SHA);
    }

    @Test
    void aDigestAloneGetsNoLatestTag() {
        ImageReference ref = ImageReference.of("busybox@" + SHA);
        assertThat(ref.tag()).isNull();
        assertThat(ref.toString()).isEqualTo("docker.io/library/busybox@" + SHA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| empty",
        "Busybox| must be lowercase",
        "busybox:| bad tag",
        "busybox:a b| bad tag",
        "busybox@sha256:abc| bad digest",
        "a//b| invalid reference format",
        "-bad| invalid reference format",
        "ubuntu;rm -rf /| invalid reference format",
        "../../etc/passwd| invalid reference format",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa| 64-byte hexadecimal",
    })
    void refusesWithAReason(String input, String reason) {
        ImageReference.Parsed parsed = ImageReference.parse(input);
        assertThat(parsed).isInstanceOf(ImageReference.Parsed.Invalid.class);
        assertThat(((ImageReference.Parsed.Invalid) parsed).reason()).contains(reason);
    }

    @Test
    void refusesNamesLongerThan255() {
        assertThat(ImageReference.parse("x/" + "a".repeat(260))).isInstanceOf(ImageReference.Parsed.Invalid.class);
    }
}
