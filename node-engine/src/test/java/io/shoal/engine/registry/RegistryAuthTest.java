package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.content.ImageStore;
import io.shoal.engine.image.ImageReference;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auth flows and failure edges against the in-process {@link FakeRegistry}. */
class RegistryAuthTest {

    @TempDir
    Path dir;
    FakeRegistry fake;
    ImageStore store;
    ImagePuller puller;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeRegistry();
        store = RegistryPullPushTest.newStore(dir);
        puller = new ImagePuller(store, new Registries(RegistrySettings.defaults()));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private ImageReference image() {
        return ImageReference.of(fake.domain() + "/test/img:v1");
    }

    @Test
    void anonymousBearerTokenIsFetchedForTheChallengedScopeAndReused() throws Exception {
        fake.auth = FakeRegistry.Auth.BEARER;

        puller.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE);

        var tokens = fake.requests("/token");
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).method()).isEqualTo("GET");
        assertThat(tokens.get(0).authorization()).isNull();
        assertThat(tokens.get(0).uri()).contains("service=fake-registry")
                .contains("scope=repository%3Atest%2Fimg%3Apull");
        assertThat(fake.requests("/v2/").stream().filter(s -> s.authorization() != null))
                .allMatch(s -> s.authorization().equals("Bearer " + FakeRegistry.TOKEN))
                .hasSize(3);
        assertThat(store.resolve(image())).isPresent();
    }

    @Test
    void bearerTokenWithUsernameAndPasswordSendsThemToTheRealmOnly() throws Exception {
        fake.auth = FakeRegistry.Auth.BEARER;

        puller.pull(image(), AuthConfig.basic("alice", "secret"), ProgressListener.NONE);

        assertThat(fake.requests("/token")).singleElement().satisfies(t -> {
            assertThat(t.authorization()).isEqualTo(FakeRegistry.basic("alice", "secret"));
            assertThat(t.uri()).contains("account=alice");
        });
        assertThat(fake.requests("/v2/")).noneMatch(s -> s.authorization() != null
                && s.authorization().startsWith("Basic"));
    }

    @Test
    void wrongPasswordIsUnauthorizedAndLeavesNothing() throws Exception {
        fake.auth = FakeRegistry.Auth.BEARER;

        assertThatThrownBy(() -> puller.pull(image(), AuthConfig.basic("alice", "wrong"), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("unauthorized: incorrect username or password")
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.UNAUTHORIZED));
        assertThat(store.list()).isEmpty();
    }

    @Test
    void identityTokenIsExchangedWithAnOAuthRefreshGrant() throws Exception {
        fake.auth = FakeRegistry.Auth.BEARER;
        AuthConfig auth = AuthConfig.fromHeader(new AuthConfig(null, null, "refresh-me", null, null).toHeader());

        puller.pull(image(), auth, ProgressListener.NONE);

        assertThat(fake.requests("/token")).singleElement().satisfies(t -> {
            assertThat(t.method()).isEqualTo("POST");
            assertThat(t.body()).contains("grant_type=refresh_token", "refresh_token=refresh-me",
                    "service=fake-registry", "client_id=shoal");
        });
    }

    @Test
    void registryTokenIsUsedAsTheBearerTokenWithoutAskingTheRealm() throws Exception {
        fake.auth = FakeRegistry.Auth.BEARER;

        puller.pull(image(), new AuthConfig(null, null, null, FakeRegistry.TOKEN, null), ProgressListener.NONE);

        assertThat(fake.requests("/token")).isEmpty();
    }

    @Test
    void aRegistryThatRefusesEveryTokenEndsUnauthorizedAfterOneRetry() {
        fake.auth = FakeRegistry.Auth.BEARER;
        fake.rejectEveryToken = true;

        assertThatThrownBy(() -> puller.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("pull access denied for " + fake.domain() + "/test/img, repository does not exist or"
                        + " may require 'docker login': unauthorized: authentication required");
        assertThat(fake.requests("/v2/")).hasSize(2);
        assertThat(fake.requests("/token")).hasSize(1);
    }

    @Test
    void basicChallengeIsAnsweredWithTheCredentialsAndRefusedWithoutThem() throws Exception {
        fake.auth = FakeRegistry.Auth.BASIC;

        assertThatThrownBy(() -> puller.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.UNAUTHORIZED));

        puller.pull(image(), AuthConfig.basic("alice", "secret"), ProgressListener.NONE);
        assertThat(store.resolve(image())).isPresent();
    }

    @Test
    void aCorruptLayerIsADigestMismatchAndEveryBlobOfThePullIsRemoved() throws Exception {
        fake.corruptLayer = true;

        assertThatThrownBy(() -> puller.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("digest mismatch: expected " + fake.layerDigest)
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.DIGEST_MISMATCH));
        try (var files = Files.list(dir.resolve("blobs/sha256"))) {
            assertThat(files).isEmpty();
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aCorruptLayerAmongParallelDownloadsStopsThePullAndRemovesEveryBlobItWrote() throws Exception {
        try (FakeRegistry three = new FakeRegistry(3)) {
            three.corruptLayer = true;
            ImageReference ref = ImageReference.of(three.domain() + "/test/img:v1");

            assertThatThrownBy(() -> puller.pull(ref, AuthConfig.anonymous(), ProgressListener.NONE))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("digest mismatch: expected " + three.layerDigest);
            try (var files = Files.list(dir.resolve("blobs/sha256"))) {
                assertThat(files).isEmpty();
            }

            three.corruptLayer = false;
            var image = puller.pull(ref, AuthConfig.anonymous(), ProgressListener.NONE).image();
            assertThat(image.layers()).hasSize(3);
            assertThat(store.layers().dir(image.diffIds().get(2)).resolve("fake.txt"))
                    .hasContent("from the fake registry\n");
        }
    }

    @Test
    void aDownloadThatBreaksOffIsRetriedAndFailsCleanlyWhenItKeepsBreaking() throws Exception {
        var retrying = new ImagePuller(store, new Registries(RegistrySettings.defaults()
                .withRetries(3, java.time.Duration.ZERO)));
        fake.breakLayer.set(5);

        assertThatThrownBy(() -> retrying.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("download of blob " + fake.layerDigest + " from " + fake.domain()
                        + "/test/img failed after 3 attempts")
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.UNREACHABLE));
        assertThat(fake.requests("/v2/test/img/blobs/" + fake.layerDigest)).hasSize(3);
        try (var files = Files.list(dir.resolve("blobs/sha256"))) {
            assertThat(files).isEmpty();
        }

        fake.breakLayer.set(2);
        retrying.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE);
        assertThat(store.resolve(image())).isPresent();
        assertThat(fake.requests("/v2/test/img/blobs/" + fake.layerDigest)).hasSize(6);
    }

    @Test
    void aDownloadThatStopsSendingIsDroppedAndRetried() throws Exception {
        var impatient = new ImagePuller(store, new Registries(RegistrySettings.defaults()
                .withRetries(2, java.time.Duration.ZERO).withStallTimeout(java.time.Duration.ofMillis(200))));
        fake.stallLayer.set(1);

        impatient.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE);

        assertThat(store.resolve(image())).isPresent();
        assertThat(fake.requests("/v2/test/img/blobs/" + fake.layerDigest)).hasSize(2);

        fake.stallLayer.set(2);
        ImageStore fresh = RegistryPullPushTest.newStore(dir.resolve("fresh"));
        var failing = new ImagePuller(fresh, new Registries(RegistrySettings.defaults()
                .withRetries(2, java.time.Duration.ZERO).withStallTimeout(java.time.Duration.ofMillis(200))));
        assertThatThrownBy(() -> failing.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("failed after 2 attempts: no data for 200 ms");
    }

    @Test
    void pullByDigestRefusesContentWithAnotherDigest() throws Exception {
        fake.anyManifest = true;
        String other = "sha256:" + "ab".repeat(32);
        ImageReference ref = ImageReference.of(fake.domain() + "/test/img@" + other);

        assertThatThrownBy(() -> puller.pull(ref, AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("manifest " + ref + ": registry sent content with digest " + fake.manifestDigest)
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.DIGEST_MISMATCH));
        assertThat(fake.requests("/v2/test/img/blobs/")).isEmpty();

        ImageReference right = ImageReference.of(fake.domain() + "/test/img@" + fake.manifestDigest);
        assertThat(puller.pull(right, AuthConfig.anonymous(), ProgressListener.NONE).image().manifest())
                .isEqualTo(fake.manifestDigest);
    }

    @Test
    void blobRedirectsAreFollowedWithoutOurCredentialsOnAnotherOrigin() throws Exception {
        fake.auth = FakeRegistry.Auth.BEARER;
        fake.redirectBlobs = true;

        puller.pull(image(), AuthConfig.anonymous(), ProgressListener.NONE);

        assertThat(fake.requests("/storage/")).singleElement()
                .satisfies(s -> assertThat(s.authorization()).isNull());
        assertThat(store.layers().dir(store.resolve(image()).orElseThrow().diffIds().get(0)).resolve("fake.txt"))
                .hasContent("from the fake registry\n");
    }

    @Test
    void aRegistryNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ImageReference ref = ImageReference.of("127.0.0.1:" + port + "/test/img:v1");

        assertThatThrownBy(() -> puller.pull(ref, AuthConfig.anonymous(), ProgressListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("registry unreachable: GET http://127.0.0.1:" + port + "/v2/test/img/manifests/v1")
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.UNREACHABLE));
    }
}
