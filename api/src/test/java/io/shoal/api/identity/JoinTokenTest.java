package io.shoal.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JoinTokenTest {
    private static final String DIGEST = JoinToken.digestOf("ca".getBytes(StandardCharsets.US_ASCII));

    @Test
    void formatsAsSwarmDoes() {
        JoinToken t = JoinToken.generate(DIGEST, new Random(1));
        assertThat(t.toString()).matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}");
        assertThat(JoinToken.parse(t.toString())).isEqualTo(t);
    }

    @Test
    void digestIsTheCertificatesSha256InBase36PaddedTo50() {
        // sha256("") = e3b0c442...; its base-36 form is 50 digits at most, zero-padded.
        String d = JoinToken.digestOf(new byte[0]);
        assertThat(d).hasSize(50);
        assertThat(new java.math.BigInteger(d, 36).toString(16))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void pinsOnlyTheCaItWasMadeFor() {
        JoinToken t = JoinToken.generate(DIGEST, new Random(2));
        assertThat(t.pinsCa("ca".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(t.pinsCa("other".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void comparesSecrets() {
        JoinToken t = JoinToken.generate(DIGEST, new Random(3));
        assertThat(t.secretMatches(t.secret())).isTrue();
        assertThat(t.secretMatches(JoinToken.randomSecret(new Random(4)))).isFalse();
        assertThat(t.secretMatches(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|invalid join token: empty",
        "SWMTKN-1-abc|invalid join token: expected SWMTKN-1-<CA digest>-<secret>",
        "XXX-1-a-b|invalid join token: expected SWMTKN-1-<CA digest>-<secret>",
        "SWMTKN-2-a-b|invalid join token: unsupported version 2 (expected 1)",
        "SWMTKN-1-abc-0123456789012345678901234|invalid join token: the CA digest must be 50 base-36 characters",
        "SWMTKN-1-01234567890123456789012345678901234567890123456789-short|invalid join token: the secret must be 25 base-36 characters",
    })
    void refusesMalformedTokensSayingWhy(String token, String message) {
        assertThatThrownBy(() -> JoinToken.parse(token)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
