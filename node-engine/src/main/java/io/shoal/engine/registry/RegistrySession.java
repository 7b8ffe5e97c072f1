package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.content.Digest;
import io.shoal.engine.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * One repository on one registry, with the credentials of one request: the distribution v2 calls the puller and
 * pusher need. Every call carries the session's Authorization header and, on a 401, answers the challenge once and
 * retries; non-2xx answers become {@link RegistryException}s carrying the registry's own error text.
 */
public final class RegistrySession {

    /** A manifest as the registry sent it: exact bytes (they are what the digest names) and Content-Type. */
    public record Manifest(byte[] bytes, String mediaType, Digest digest) { }

    /** An open blob download; the caller closes {@code body}. */
    public record Blob(InputStream body, long length) { }

    static final int MANIFEST_MAX = 4 << 20;
    private static final int MAX_REDIRECTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transport transport;
    private final RegistryHost host;
    private final String repository;
    private final Authenticator auth;

    RegistrySession(Transport transport, RegistryHost host, String repository, Authenticator auth) {
        this.transport = transport;
        this.host = host;
        this.repository = repository;
        this.auth = auth;
    }

    public RegistryHost host() {
        return host;
    }

    public String repository() {
        return repository;
    }

    /** GET a manifest by tag or digest, accepting indexes, manifest lists and both image manifest types. */
    public Manifest manifest(String reference) throws IOException {
        URI uri = host.uri(repository, "manifests/" + reference);
        HttpResponse<InputStream> res = exchange(() -> HttpRequest.newBuilder(uri).header("Accept", MediaTypes.ACCEPT)
                .GET(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = res.body()) {
            body = in.readNBytes(MANIFEST_MAX + 1);
        }
        if (res.statusCode() == 401 || res.statusCode() == 403) {
            RegistryException denied = failure("manifest", res.statusCode(), body);
            throw new RegistryException(denied.kind(), "pull access denied for " + host.domain() + "/" + repository
                    + ", repository does not exist or may require 'docker login': " + denied.getMessage());
        }
        if (res.statusCode() != 200) {
            throw failure("manifest for " + host.domain() + "/" + repository + ":" + reference, res.statusCode(),
                    body);
        }
        if (body.length > MANIFEST_MAX) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "manifest " + uri + " is larger than "
                    + MANIFEST_MAX + " bytes");
        }
        Digest digest = Digest.of(body);
        Optional<String> sent = res.headers().firstValue("Docker-Content-Digest");
        if (sent.isPresent() && sent.get().startsWith("sha256:") && !sent.get().equals(digest.toString())) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "manifest " + uri
                    + ": registry says " + sent.get() + " but the content is " + digest);
        }
        return new Manifest(body, res.headers().firstValue("Content-Type").orElse(null), digest);
    }

    /** GET a blob, following the registry's redirect to its storage (without our Authorization off-host). */
    public Blob blob(Digest digest) throws IOException {
        URI uri = host.uri(repository, "blobs/" + digest);
        HttpResponse<InputStream> res = exchange(() -> HttpRequest.newBuilder(uri).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        for (int hops = 0; isRedirect(res.statusCode()); hops++) {
            res.body().close();
            URI next = res.uri().resolve(res.headers().firstValue("Location").orElseThrow(() ->
                    new RegistryException(RegistryException.Kind.PROTOCOL, "redirect without Location from " + uri)));
            if (hops >= MAX_REDIRECTS) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL, "too many redirects for " + uri);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(next).GET();
            if (sameOrigin(next, uri)) {
                auth.header().ifPresent(h -> b.setHeader("Authorization", h));
            }
            res = transport.send(b, HttpResponse.BodyHandlers.ofInputStream());
        }
        if (res.statusCode() != 200) {
            byte[] body;
            try (InputStream in = res.body()) {
                body = in.readNBytes(64 << 10);
            }
            throw failure("blob " + digest + " of " + host.domain() + "/" + repository, res.statusCode(), body);
        }
        return new Blob(res.body(), res.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** HEAD a blob: whether the repository already has it. */
    public boolean hasBlob(Digest digest) throws IOException {
        URI uri = host.uri(repository, "blobs/" + digest);
        HttpResponse<byte[]> res = exchange(() -> HttpRequest.newBuilder(uri)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() == 200) {
            return true;
        }
        if (res.statusCode() == 404) {
            return false;
        }
        throw failure("blob " + digest + " of " + host.domain() + "/" + repository, res.statusCode(), res.body());
    }

    /**
     * Starts an upload; with {@code mountFrom} (a repository of this registry) asks for a cross-repository mount
     * first. Empty when the registry mounted the blob, else the upload's location.
     */
    public Optional<URI> startUpload(Digest digest, String mountFrom) throws IOException {
        String query = mountFrom == null ? "" : "?mount=" + digest + "&from=" + mountFrom;
        URI uri = host.uri(repository, "blobs/uploads/" + query);
        HttpResponse<byte[]> res = exchange(() -> HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() == 201 && mountFrom != null) {
            return Optional.empty();
        }
        if (res.statusCode() != 202) {
            throw failure("upload of " + digest + " to " + host.domain() + "/" + repository, res.statusCode(),
                    res.body());
        }
        return Optional.of(location(res, uri));
    }

    /**
     * Uploads {@code file} to an upload started by {@link #startUpload}: one PUT when it is at most
     * {@code monolithicMax} bytes, else PATCH chunks of {@code chunkSize} then a closing PUT.
     */
    public void upload(URI location, Digest digest, Path file, long size, long monolithicMax, long chunkSize,
                       LongConsumer progress) throws IOException {
        URI at = location;
        long offset = 0;
        if (size > monolithicMax) {
            while (offset < size) {
                long start = offset;
                long len = Math.min(chunkSize, size - start);
                URI target = at;
                HttpResponse<byte[]> res = exchange(() -> HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/octet-stream")
                        .header("Content-Range", start + "-" + (start + len - 1))
                        .method("PATCH", slice(file, start, len, n -> progress.accept(start + n))),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (res.statusCode() != 202) {
                    throw failure("upload of " + digest + " to " + host.domain() + "/" + repository,
                            res.statusCode(), res.body());
                }
                at = location(res, target);
                offset += len;
            }
        }
        long sent = offset;
        long rest = size - offset;
        URI put = URI.create(at + (at.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        HttpResponse<byte[]> res = exchange(() -> HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream")
                .PUT(rest == 0 ? HttpRequest.BodyPublishers.noBody()
                        : slice(file, sent, rest, n -> progress.accept(sent + n))),
                HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 201) {
            throw failure("upload of " + digest + " to " + host.domain() + "/" + repository, res.statusCode(),
                    res.body());
        }
    }

    /** PUT a manifest under a tag or its digest; returns the digest the registry stored it under. */
    public Digest putManifest(String reference, byte[] body, String mediaType) throws IOException {
        URI uri = host.uri(repository, "manifests/" + reference);
        HttpResponse<byte[]> res = exchange(() -> HttpRequest.newBuilder(uri).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 201 && res.statusCode() != 200) {
            throw failure("manifest " + host.domain() + "/" + repository + ":" + reference, res.statusCode(),
                    res.body());
        }
        Digest ours = Digest.of(body);
        String theirs = res.headers().firstValue("Docker-Content-Digest").orElse(ours.toString());
        if (!theirs.equals(ours.toString())) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "registry stored manifest "
                    + uri + " as " + theirs + ", expected " + ours);
        }
        return ours;
    }

    private <T> HttpResponse<T> exchange(Supplier<HttpRequest.Builder> request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        while (true) {
            HttpRequest.Builder b = request.get();
            auth.header().ifPresent(h -> b.setHeader("Authorization", h));
            HttpResponse<T> res = transport.send(b, handler);
            if (res.statusCode() != 401 || !auth.answer(res.headers().allValues("WWW-Authenticate"))) {
                return res;
            }
            if (res.body() instanceof InputStream in) {
                in.close();
            }
        }
    }

    private static HttpRequest.BodyPublisher slice(Path file, long start, long len, LongConsumer progress) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                ch.position(start);
                return new CountingInputStream(new Slice(Channels.newInputStream(ch), len), len, 256 << 10,
                        progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), len);
    }

    /** The first {@code left} bytes of a stream. */
    private static final class Slice extends java.io.FilterInputStream {
        private long left;

        Slice(InputStream in, long len) {
            super(in);
            this.left = len;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = super.read(b, off, (int) Math.min(n, left));
            if (r > 0) {
                left -= r;
            }
            return r;
        }
    }

    private URI location(HttpResponse<?> res, URI request) throws RegistryException {
        String loc = res.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
                RegistryException.Kind.PROTOCOL, "upload response without Location from " + request));
        return request.resolve(loc);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equals(b.getScheme()) && a.getAuthority().equals(b.getAuthority());
    }

    /**
     * A non-2xx answer as Docker words it: {@code <what> not found: manifest unknown: manifest unknown}; a refusal
     * is the registry's own words ({@code unauthorized: authentication required}), as {@code docker push} prints.
     */
    static RegistryException failure(String what, int status, byte[] body) {
        String errors = registryErrors(body);
        return switch (status) {
            case 401 -> new RegistryException(RegistryException.Kind.UNAUTHORIZED,
                    errors.isEmpty() ? "unauthorized: authentication required" : errors);
            case 403 -> new RegistryException(RegistryException.Kind.UNAUTHORIZED,
                    errors.isEmpty() ? "denied: requested access to the resource is denied" : errors);
            case 404 -> new RegistryException(RegistryException.Kind.NOT_FOUND, what + " not found"
                    + (errors.isEmpty() ? "" : ": " + errors));
            default -> new RegistryException(RegistryException.Kind.PROTOCOL, what + ": registry answered " + status
                    + (errors.isEmpty() ? "" : ": " + errors));
        };
    }

    /** {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}} → "manifest unknown: manifest unknown". */
    static String registryErrors(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        List<String> out = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            for (JsonNode e : root.path("errors")) {
                String code = e.path("code").asText("").toLowerCase().replace('_', ' ');
                String message = e.path("message").asText("");
                out.add(code.isEmpty() ? message : code + ": " + message);
            }
        } catch (IOException e) {
            return "";
        }
        return String.join("; ", out);
    }
}
