package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthConfigTest {

    private static String urlB64(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesWhatTheDockerCliSends() throws Exception {
        AuthConfig a = AuthConfig.fromHeader(urlB64(
                "{\"username\":\"alice\",\"password\":\"s3cr?t>>\",\"serveraddress\":\"127.0.0.1:5000\"}"));

        assertThat(a.username()).isEqualTo("alice");
        assertThat(a.password()).isEqualTo("s3cr?t>>");
        assertThat(a.serverAddress()).isEqualTo("127.0.0.1:5000");
        assertThat(a.hasUserPassword()).isTrue();
    }

    @Test
    void emptyHeadersAndEmptyObjectsAreAnonymous() throws Exception {
        assertThat(AuthConfig.fromHeader(null)).isEqualTo(AuthConfig.anonymous());
        assertThat(AuthConfig.fromHeader("")).isEqualTo(AuthConfig.anonymous());
        assertThat(AuthConfig.fromHeader("e30=")).isEqualTo(AuthConfig.anonymous());
        assertThat(AuthConfig.fromHeader("e30")).isEqualTo(AuthConfig.anonymous());
    }

    @Test
    void readsTheAuthFieldIdentityTokenAndStandardBase64() throws Exception {
        String auth = Base64.getEncoder().encodeToString("bob:pa:ss".getBytes(StandardCharsets.UTF_8));
        AuthConfig a = AuthConfig.fromHeader(Base64.getEncoder().encodeToString(
                ("{\"auth\":\"" + auth + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(a.username()).isEqualTo("bob");
        assertThat(a.password()).isEqualTo("pa:ss");

        AuthConfig t = AuthConfig.fromHeader(urlB64("{\"identitytoken\":\"tok\",\"registrytoken\":\"\"}"));
        assertThat(t.hasIdentityToken()).isTrue();
        assertThat(t.hasRegistryToken()).isFalse();
        assertThat(AuthConfig.fromHeader(t.toHeader())).isEqualTo(t);
    }

    @Test
    void garbageIsABadRequestNamingTheHeader() {
        assertThatThrownBy(() -> AuthConfig.fromHeader("!!!not base64"))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("invalid X-Registry-Auth header")
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.INVALID));
        assertThatThrownBy(() -> AuthConfig.fromHeader(urlB64("[1,2]"))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> AuthConfig.fromHeader(urlB64("{\"auth\":\"bm9jb2xvbg==\"}")))
                .hasMessageContaining("user:password");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new AuthConfig("alice", "secret", "tok", "reg", null).toString())
                .contains("alice").doesNotContain("secret", "tok", "reg=");
    }
}
