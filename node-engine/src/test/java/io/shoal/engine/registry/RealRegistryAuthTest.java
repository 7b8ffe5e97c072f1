package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.image.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer-token and basic auth against Debian's real docker-registry: one configured with {@code auth: token:}
 * trusting a {@link TokenServer}'s certificate (anonymous pull, push for alice only), one with {@code htpasswd}.
 * Both are seeded by skopeo with credentials, and what Shoal pushes is read back by skopeo.
 */
class RealRegistryAuthTest {

    /** bcrypt (cost 4) of "s3cret", as htpasswd -B writes it; made once with Python's crypt. */
    private static final String ALICE_HTPASSWD = "alice:$2b$04$3t8tvyMBoOU9rBK2SB95O.JqtmoC0WDPvqDFx/zWyyxShNoMMvbWW";

    @TempDir
    static Path shared;
    static TokenServer tokens;
    static LocalRegistry tokenRegistry;
    static LocalRegistry basicRegistry;
    static SeededImages images;

    @TempDir
    Path dir;
    ImageStore store;
    Registries registries;

    @BeforeAll
    static void start() throws Exception {
        images = SeededImages.build(shared.resolve("build"));
        tokens = new TokenServer(shared.resolve("tokens"), "alice", "s3cret");
        tokenRegistry = LocalRegistry.start(shared.resolve("token-registry"), tokens.registryAuthYaml());
        Files.writeString(shared.resolve("htpasswd"), ALICE_HTPASSWD + "\n");
        basicRegistry = LocalRegistry.start(shared.resolve("basic-registry"), String.join("\n",
                "  htpasswd:", "    realm: shoal-test", "    path: " + shared.resolve("htpasswd")));
        for (LocalRegistry r : new LocalRegistry[] {tokenRegistry, basicRegistry}) {
            DebianTools.run(shared, "skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "alice:s3cret",
                    "oci:" + images.layout + ":base", "docker://" + r.domain() + "/test/busybox:v1");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {basicRegistry, tokenRegistry, tokens}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        store = RegistryPullPushTest.newStore(dir.resolve("store"));
        registries = new Registries(RegistrySettings.defaults());
    }

    @Test
    void anonymousPullGetsAPullTokenFromTheRealmTheRegistryNames() throws Exception {
        tokens.requests.clear();
        ImageReference ref = ImageReference.of(tokenRegistry.domain() + "/test/busybox:v1");

        Image image = new ImagePuller(store, registries).pull(ref, AuthConfig.anonymous(), ProgressListener.NONE)
                .image();

        assertThat(image.manifest()).isEqualTo(images.manifest("base"));
        assertThat(tokens.requests).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isNull();
            assertThat(r.query()).contains("service=" + TokenServer.SERVICE)
                    .contains("scope=repository%3Atest%2Fbusybox%3Apull");
        });
    }

    @Test
    void pushWithCredentialsGetsAPushTokenAndSkopeoReadsItBack() throws Exception {
        ImageReference source = ImageReference.of(tokenRegistry.domain() + "/test/busybox:v1");
        AuthConfig alice = AuthConfig.fromHeader(AuthConfig.basic("alice", "s3cret").toHeader());
        Image image = new ImagePuller(store, registries).pull(source, alice, ProgressListener.NONE).image();
        ImageReference target = ImageReference.of(tokenRegistry.domain() + "/alice/busybox:pushed");
        store.register(image.manifest(), target);
        tokens.requests.clear();

        PushResult pushed = new ImagePusher(store, registries).push(target, alice, ProgressListener.NONE);

        assertThat(pushed.digest()).isEqualTo(image.manifest());
        assertThat(tokens.requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo(FakeRegistry.basic("alice", "s3cret"));
            assertThat(r.query()).contains("scope=repository%3Aalice%2Fbusybox%3Apull%2Cpush");
        });
        String inspected = DebianTools.run(dir, "skopeo", "inspect", "--tls-verify=false", "--creds", "alice:s3cret",
                "--format", "{{.Digest}}", "docker://" + target);
        assertThat(inspected.trim()).isEqualTo(image.manifest().toString());
    }

    @Test
    void anonymousPushIsUnauthorizedAfterOneTokenAndNothingIsWritten() throws Exception {
        ImageReference source = ImageReference.of(tokenRegistry.domain() + "/test/busybox:v1");
        Image image = new ImagePuller(store, registries).pull(source, AuthConfig.anonymous(), ProgressListener.NONE)
                .image();
        ImageReference target = ImageReference.of(tokenRegistry.domain() + "/anon/busybox:v1");
        store.register(image.manifest(), target);

        assertThatThrownBy(() -> new ImagePusher(store, registries).push(target, AuthConfig.anonymous(),
                ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("unauthorized: authentication required")
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> DebianTools.run(dir, "skopeo", "inspect", "--tls-verify=false", "--creds",
                "alice:s3cret", "docker://" + target)).hasMessageContaining("manifest unknown");
    }

    @Test
    void wrongPasswordIsRefusedByTheTokenServer() {
        ImageReference ref = ImageReference.of(tokenRegistry.domain() + "/test/busybox:v1");

        assertThatThrownBy(() -> new ImagePuller(store, registries).pull(ref, AuthConfig.basic("alice", "nope"),
                ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("unauthorized: incorrect username or password");
    }

    @Test
    void htpasswdRegistryTakesBasicCredentialsAndRefusesAnonymousCallers() throws Exception {
        ImageReference ref = ImageReference.of(basicRegistry.domain() + "/test/busybox:v1");
        ImagePuller puller = new ImagePuller(store, registries);

        assertThatThrownBy(() -> puller.pull(ref, AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("pull access denied for " + basicRegistry.domain() + "/test/busybox, repository does not"
                        + " exist or may require 'docker login': unauthorized: authentication required");

        AuthConfig alice = AuthConfig.basic("alice", "s3cret");
        Image image = puller.pull(ref, alice, ProgressListener.NONE).image();
        ImageReference target = ImageReference.of(basicRegistry.domain() + "/alice/copy:v1");
        store.register(image.manifest(), target);
        new ImagePusher(store, registries).push(target, alice, ProgressListener.NONE);
        String inspected = DebianTools.run(dir, "skopeo", "inspect", "--tls-verify=false", "--creds", "alice:s3cret",
                "--format", "{{.Digest}}", "docker://" + target);
        assertThat(inspected.trim()).isEqualTo(image.manifest().toString());
    }
}
