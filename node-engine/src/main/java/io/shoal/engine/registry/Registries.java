package io.shoal.engine.registry;

import io.shoal.engine.image.ImageReference;
import java.net.http.HttpClient;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Opens {@link RegistrySession}s: one shared {@link HttpClient} (HTTP/1.1, redirects followed by the session so
 * credentials never leave the registry's origin), the transport rule of {@link RegistryHost} and the token scopes
 * an operation needs.
 */
public final class Registries {

    /** What a session will do to its repository: the token scope it asks for. */
    public enum Access {
        PULL("pull"),
        PUSH("pull,push");

        private final String actions;

        Access(String actions) {
            this.actions = actions;
        }
    }

    private final RegistrySettings settings;
    private final Transport transport;

    public Registries(RegistrySettings settings) {
        this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public Registries(RegistrySettings settings, HttpClient http) {
        this.settings = settings;
        this.transport = new Transport(http, settings.userAgent());
    }

    public RegistrySettings settings() {
        return settings;
    }

    public RegistryHost host(String domain) {
        return RegistryHost.of(domain, settings);
    }

    /** A session on {@code reference}'s repository with {@code auth}; no request is made yet. */
    public RegistrySession open(ImageReference reference, AuthConfig auth, Access access) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("repository:" + reference.path() + ":" + access.actions);
        return new RegistrySession(transport, host(reference.domain()), reference.path(),
                new Authenticator(transport, auth, scopes));
    }
}
