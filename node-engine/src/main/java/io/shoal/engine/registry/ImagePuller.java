package io.shoal.engine.registry;

import io.shoal.engine.content.BlobStore;
import io.shoal.engine.content.Digest;
import io.shoal.engine.content.DigestMismatchException;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.image.Manifests;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls an image into the store: manifest (by tag or digest; from an index, the entry for the configured
 * platform), then config and layers, each streamed into the {@link BlobStore} (which checks its sha256 before it
 * becomes visible) unless already there, then {@link ImageStore#register}, which unpacks the layers exactly as
 * for a loaded image and names it. A pull that fails deletes the blobs it wrote and names nothing.
 */
public final class ImagePuller {

    private static final long PROGRESS_STEP = 512 << 10;
    private static final long DOWNLOAD_STOP_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);

    private final ImageStore store;
    private final Registries registries;

    public ImagePuller(ImageStore store, Registries registries) {
        this.store = store;
        this.registries = registries;
    }

    /** Parses {@code reference} as Docker does, then pulls it; a bad reference is {@code Kind.INVALID}. */
    public PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
        ImageReference.Parsed parsed = ImageReference.parse(reference);
        if (parsed instanceof ImageReference.Parsed.Invalid invalid) {
            throw new RegistryException(RegistryException.Kind.INVALID, invalid.reason() + ": \"" + reference + "\"");
        }
        return pull(((ImageReference.Parsed.Valid) parsed).reference(), auth, progress);
    }

    public PullResult pull(ImageReference reference, AuthConfig auth, ProgressListener progress) throws IOException {
        RegistrySession session = registries.open(reference, auth, Registries.Access.PULL);
        RegistrySession.Manifest top = session.manifest(reference.manifestReference());
        if (reference.digest() != null && !top.digest().toString().equals(reference.digest())) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "manifest " + reference
                    + ": registry sent content with digest " + top.digest());
        }
        RegistrySession.Manifest manifest = top;
        Manifests.Document doc = Manifests.parse(top.bytes(), top.mediaType());
        if (doc instanceof Manifests.Document.Index index) {
            Descriptor entry = Manifests.select(index, registries.settings().platform()).orElseThrow(() ->
                    new RegistryException(RegistryException.Kind.NOT_FOUND, "no matching manifest for "
                            + platform() + " in the manifest list entries of " + reference));
            manifest = session.manifest(entry.digest());
            if (!manifest.digest().toString().equals(entry.digest())) {
                throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "manifest " + entry.digest()
                        + " of " + reference + ": registry sent content with digest " + manifest.digest());
            }
            doc = Manifests.parse(manifest.bytes(), manifest.mediaType());
        }
        if (!(doc instanceof Manifests.Document.Image image)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "manifest of " + reference + ": "
                    + (doc instanceof Manifests.Document.Invalid bad ? bad.reason() : "an index inside an index"));
        }
        Optional<Image> before = store.resolve(reference);
        List<Digest> written = Collections.synchronizedList(new ArrayList<>());
        Object lock = new Object();
        ProgressListener serial = p -> {
            synchronized (lock) {
                progress.on(p);
            }
        };
        try {
            fetch(session, image.config(), written, null);
            for (Descriptor layer : image.layers()) {
                serial.on(Progress.of(layer.digest(), Progress.Status.PULLING_FS_LAYER));
            }
            fetchLayers(session, image.layers(), written, serial);
            if (!store.blobs().has(manifest.digest())) {
                store.blobs().put(manifest.bytes());
                written.add(manifest.digest());
            }
            Image stored = store.register(manifest.digest(), reference);
            for (Descriptor layer : image.layers()) {
                serial.on(Progress.of(layer.digest(), Progress.Status.PULL_COMPLETE));
            }
            boolean downloaded = before.map(b -> !b.manifest().equals(stored.manifest())).orElse(true);
            return new PullResult(stored, top.digest(), downloaded);
        } catch (IOException | RuntimeException e) {
            for (Digest d : List.copyOf(written)) {
                store.blobs().delete(d);
            }
            if (e instanceof DigestMismatchException) {
                throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "pull of " + reference + ": "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Fetches the layers, up to {@code maxConcurrentDownloads} at once. On the first failure the others are
     * interrupted and awaited, so no download writes after the caller has started cleaning up.
     */
    private void fetchLayers(RegistrySession session, List<Descriptor> layers, List<Digest> written,
                             ProgressListener progress) throws IOException {
        int threads = Math.min(registries.settings().maxConcurrentDownloads(), layers.size());
        if (threads <= 1) {
            for (Descriptor layer : layers) {
                fetch(session, layer, written, progress);
            }
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "registry-download-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> downloads = new ArrayList<>();
            for (Descriptor layer : layers) {
                downloads.add(pool.submit(() -> {
                    fetch(session, layer, written, progress);
                    return null;
                }));
            }
            for (Future<Void> f : downloads) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("pull interrupted");
        } finally {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(DOWNLOAD_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("registry.download.stuck");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void fetch(RegistrySession session, Descriptor d, List<Digest> written, ProgressListener progress)
            throws IOException {
        Digest digest = parseDigest(d);
        if (store.blobs().has(digest)) {
            if (progress != null) {
                progress.on(Progress.of(d.digest(), Progress.Status.ALREADY_EXISTS));
            }
            return;
        }
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        RegistrySettings settings = registries.settings();
        for (int attempt = 1; ; attempt++) {
            try {
                downloadOnce(session, d, digest, p);
                break;
            } catch (InterruptedIOException | DigestMismatchException e) {
                throw e;
            } catch (RegistryException e) {
                if (e.kind() != RegistryException.Kind.UNREACHABLE || attempt >= settings.downloadAttempts()) {
                    throw e;
                }
                LOG.info("registry.download.retry blob={} attempt={} error={}", digest, attempt, e.getMessage());
            } catch (IOException e) {
                if (attempt >= settings.downloadAttempts()) {
                    throw new RegistryException(RegistryException.Kind.UNREACHABLE, "download of blob " + digest
                            + " from " + session.host().domain() + "/" + session.repository() + " failed after "
                            + attempt + " attempts: " + e.getMessage(), e);
                }
                LOG.info("registry.download.retry blob={} attempt={} error={}", digest, attempt, e.toString());
            }
            pause(settings.retryDelay().multipliedBy(attempt));
        }
        written.add(digest);
        p.on(Progress.of(d.digest(), Progress.Status.VERIFYING_CHECKSUM));
        p.on(Progress.of(d.digest(), Progress.Status.DOWNLOAD_COMPLETE));
    }

    private void downloadOnce(RegistrySession session, Descriptor d, Digest digest, ProgressListener p)
            throws IOException {
        long total = d.size();
        RegistrySession.Blob blob = session.blob(digest);
        long got;
        try (CountingInputStream in = new CountingInputStream(blob.body(), total, PROGRESS_STEP,
                n -> p.on(Progress.transfer(d.digest(), Progress.Status.DOWNLOADING, n, total)));
             StallWatch watch = StallWatch.start(in, registries.settings().stallTimeout())) {
            try {
                store.blobs().put(in, digest);
            } catch (IOException e) {
                if (watch.fired()) {
                    long ms = registries.settings().stallTimeout().toMillis();
                    throw new IOException("no data for " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms"), e);
                }
                throw e;
            }
            got = in.count();
        } catch (DigestMismatchException e) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "blob " + digest + " of "
                    + session.host().domain() + "/" + session.repository() + ": " + e.getMessage(), e);
        }
        if (got != total) {
            store.blobs().delete(digest);
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "blob " + digest + " is " + got
                    + " bytes, its descriptor says " + total);
        }
    }

    private static void pause(java.time.Duration delay) throws InterruptedIOException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("pull interrupted while waiting to retry");
        }
    }

    private static Digest parseDigest(Descriptor d) throws RegistryException {
        try {
            return Digest.parse(d.digest());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "descriptor " + d.mediaType() + ": "
                    + e.getMessage());
        }
    }

    private String platform() {
        var p = registries.settings().platform();
        return p.os() + "/" + p.architecture() + (p.variant() == null ? "" : "/" + p.variant());
    }
}
