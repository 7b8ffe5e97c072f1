package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.content.Digest;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.image.Descriptor;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.image.MediaTypes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes a stored image to the registry its name points at: each layer and the config are checked with HEAD,
 * mounted from another repository of the same registry when a stored image from there has them, else uploaded;
 * then the manifest is put, byte for byte as stored, so its digest is the same on both sides.
 */
public final class ImagePusher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageStore store;
    private final Registries registries;

    public ImagePusher(ImageStore store, Registries registries) {
        this.store = store;
        this.registries = registries;
    }

    /** Pushes the image stored as {@code reference} ({@code docker tag} it there first) under its tag. */
    public PushResult push(ImageReference reference, AuthConfig auth, ProgressListener progress) throws IOException {
        Image image = store.resolve(reference).orElseThrow(() -> new RegistryException(
                RegistryException.Kind.NOT_FOUND, "An image does not exist locally with the tag: "
                + reference.familiar()));
        byte[] manifest = store.blobs().read(image.manifest());
        RegistrySession session = registries.open(reference, auth, Registries.Access.PUSH);
        for (Descriptor layer : image.layers()) {
            progress.on(Progress.of(layer.digest(), Progress.Status.PREPARING));
        }
        for (Descriptor layer : image.layers()) {
            pushBlob(session, reference, layer, progress);
        }
        Descriptor config = new Descriptor(MediaTypes.OCI_CONFIG, image.id().toString(),
                Files.size(store.blobs().path(image.id())));
        pushBlob(session, reference, config, ProgressListener.NONE);
        String target = reference.tag() != null ? reference.tag() : reference.digest();
        Digest pushed = session.putManifest(target, manifest, mediaType(manifest));
        return new PushResult(reference.tag(), pushed, manifest.length);
    }

    private void pushBlob(RegistrySession session, ImageReference reference, Descriptor d, ProgressListener progress)
            throws IOException {
        Digest digest = Digest.parse(d.digest());
        if (session.hasBlob(digest)) {
            progress.on(Progress.of(d.digest(), Progress.Status.LAYER_ALREADY_EXISTS));
            return;
        }
        Path file = store.blobs().find(digest).orElseThrow(() -> new RegistryException(
                RegistryException.Kind.NOT_FOUND, "blob " + digest + " of " + reference.familiar()
                + " is missing from the local store"));
        long size = Files.size(file);
        Optional<String> from = mountSource(reference, digest);
        Optional<URI> upload = session.startUpload(digest, from.orElse(null));
        if (upload.isEmpty()) {
            progress.on(new Progress(Progress.shortId(d.digest()), Progress.Status.MOUNTED_FROM, 0, 0, from.get()));
            return;
        }
        RegistrySettings s = registries.settings();
        session.upload(upload.get(), digest, file, size, s.monolithicUploadMax(), s.uploadChunkSize(),
                n -> progress.on(Progress.transfer(d.digest(), Progress.Status.PUSHING, n, size)));
        progress.on(Progress.of(d.digest(), Progress.Status.PUSHED));
    }

    /** Another repository on the same registry that a stored image with this blob is named after. */
    private Optional<String> mountSource(ImageReference target, Digest blob) throws IOException {
        List<String> candidates = new ArrayList<>();
        for (Image image : store.list()) {
            boolean has = image.layers().stream().anyMatch(l -> l.digest().equals(blob.toString()))
                    || image.id().equals(blob);
            if (!has) {
                continue;
            }
            for (String name : image.tags()) {
                ImageReference.Parsed parsed = ImageReference.parse(name);
                if (parsed instanceof ImageReference.Parsed.Valid v && v.reference().domain().equals(target.domain())
                        && !v.reference().path().equals(target.path())) {
                    candidates.add(v.reference().path());
                }
            }
        }
        return candidates.stream().findFirst();
    }

    private static String mediaType(byte[] manifest) throws IOException {
        String type = JSON.readTree(manifest).path("mediaType").asText("");
        return type.isEmpty() ? MediaTypes.OCI_MANIFEST : type;
    }
}
