/**
 * The OCI distribution (v2) client: pull an image by tag or digest (a platform picked from a manifest list or OCI
 * index), push one, over {@link java.net.http.HttpClient}. A {@link io.shoal.engine.registry.RegistrySession} is
 * one repository on one registry with the credentials of one request (Docker's {@code X-Registry-Auth}, parsed by
 * {@link io.shoal.engine.registry.AuthConfig}); it answers a 401 by following the registry's
 * {@code WWW-Authenticate} challenge (bearer token from the realm, anonymous or with credentials, or basic auth)
 * and retries once. Transport is https, except for registries configured as insecure and for loopback, which get
 * plain http as dockerd gives them. {@link io.shoal.engine.registry.ImagePuller} streams blobs, up to three
 * layers at once, into the {@link io.shoal.engine.content.BlobStore} (sha256 checked before a blob becomes visible, blobs already present
 * are not fetched) and registers the image in the {@link io.shoal.engine.content.ImageStore}, which unpacks the
 * layers as it does for loaded images; a pull that fails removes the blobs it wrote, so a failed pull leaves
 * nothing behind. {@link io.shoal.engine.registry.ImagePusher} checks each blob with HEAD, mounts it from another
 * repository of the same registry when the store knows one, uploads the rest (one PUT, or PATCH chunks then PUT)
 * and puts the manifest. Both report per-layer progress as Docker's JSON progress stream words it. Failures are a
 * {@link io.shoal.engine.registry.RegistryException} whose kind the HTTP layer maps to a status code.
 */
package io.shoal.engine.registry;
