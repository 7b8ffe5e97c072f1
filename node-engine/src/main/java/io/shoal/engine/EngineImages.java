package io.shoal.engine;

import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerService;
import io.shoal.engine.content.Digest;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImagePrune;
import io.shoal.engine.content.ImageRemoval;
import io.shoal.engine.content.ImageSaver;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.image.ImageReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The engine's image operations that span images and containers: lookup by name or id, tag, {@code rmi},
 * {@code image prune} and {@code save}. Deleting takes the write side of {@code imageUse}, the lock whose read side
 * pulls, loads and creations hold, so none of them loses a layer it just found.
 */
final class EngineImages {
    private final ImageStore images;
    private final ContainerService containers;
    private final ReentrantReadWriteLock imageUse;
    private final Path scratch;

    EngineImages(ImageStore images, ContainerService containers, ReentrantReadWriteLock imageUse, Path scratch) {
        this.images = images;
        this.containers = containers;
        this.imageUse = imageUse;
        this.scratch = scratch;
    }

    /** The image a name points at, else the named image whose id is or starts with {@code reference}. */
    Optional<Image> image(String reference) throws IOException {
        ImageReference.Parsed parsed = ImageReference.parse(reference);
        if (parsed instanceof ImageReference.Parsed.Valid valid) {
            Optional<Image> named = images.resolve(valid.reference());
            if (named.isPresent()) {
                return named;
            }
        }
        Optional<Image> byId = images.findById(reference);
        if (byId.isEmpty() && parsed instanceof ImageReference.Parsed.Invalid invalid) {
            throw EngineException.invalid(invalid.reason());
        }
        return byId;
    }

    /** Gives {@code target} to the image {@code source} names (Docker's {@code tag}); returns the image. */
    Image tag(String source, String target) throws IOException {
        Image image = image(source).orElseThrow(() -> EngineException.notFound("No such image: " + source));
        return images.register(image.manifest(), Engine.reference(target));
    }

    /**
     * Docker's {@code rmi} of a name: removes the name {@code reference}; when it is the image's last name, refused
     * while a container (running or not) was made from that image, unless {@code force}. When no name is left and no container uses the image, the
     * image leaves the disk with the layers and blobs no other image or container needs (see
     * {@link ImageStore#deleteIfUnused}).
     */
    ImageRemoval remove(String reference, boolean force) throws IOException {
        ImageReference.Parsed parsed = ImageReference.parse(reference);
        Optional<Image> named = parsed instanceof ImageReference.Parsed.Valid valid
                ? images.resolve(valid.reference()) : Optional.empty();
        if (named.isEmpty()) {
            Image byId = image(reference).orElseThrow(() -> EngineException.notFound("No such image: " + reference));
            return removeById(byId, force);
        }
        ImageReference ref = ((ImageReference.Parsed.Valid) parsed).reference();
        Image image = named.get();
        boolean lastName = image.tags().size() <= 1;
        for (ContainerRecord c : containers.list(true)) {
            if (!force && lastName && c.imageId().equals(image.id().toString())) {
                throw EngineException.conflict("conflict: unable to remove repository reference \"" + reference
                        + "\" (must force) - container " + c.id().substring(0, 12) + " is using its referenced image "
                        + image.id().hex().substring(0, 12));
            }
        }
        List<String> untagged = images.untag(ref) ? List.of(ref.toString()) : List.of();
        return new ImageRemoval(untagged, deleteIfUnused(image));
    }

    /**
     * Docker's {@code rmi ID}: removes every name of the image, then the image. Refused when several names hold it
     * or a stopped container uses it, unless {@code force}; a running (or paused) container's image is never removed.
     */
    private ImageRemoval removeById(Image image, boolean force) throws IOException {
        String shortId = image.id().hex().substring(0, 12);
        if (!force && image.tags().size() > 1) {
            throw EngineException.conflict("conflict: unable to delete " + shortId
                    + " (must be forced) - image is referenced in multiple repositories");
        }
        for (ContainerRecord c : containers.list(true)) {
            if (c.imageId().equals(image.id().toString())) {
                boolean live = c.state() == io.shoal.engine.container.State.RUNNING
                        || c.state() == io.shoal.engine.container.State.PAUSED;
                if (live || !force) {
                    throw EngineException.conflict("conflict: unable to delete " + shortId + (live
                            ? " (cannot be forced) - image is being used by running container "
                            : " (must be forced) - image is being used by stopped container ") + c.id().substring(0, 12));
                }
            }
        }
        return new ImageRemoval(untagAll(image), deleteIfUnused(image));
    }

    /** Removes every name of {@code image}; the names it removed. */
    private List<String> untagAll(Image image) throws IOException {
        List<String> untagged = new java.util.ArrayList<>();
        for (String name : image.tags()) {
            ImageReference ref = ImageReference.of(name);
            if (images.untag(ref)) {
                untagged.add(ref.toString());
            }
        }
        return untagged;
    }

    /** Deletes {@code image} when no name and no container holds it; its id if deleted. */
    private List<String> deleteIfUnused(Image image) throws IOException {
        imageUse.writeLock().lock();
        try {
            return images.deleteIfUnused(image, imagesInUse()).isPresent() ? List.of(image.id().toString())
                    : List.of();
        } finally {
            imageUse.writeLock().unlock();
        }
    }

    private Set<Digest> imagesInUse() {
        Set<Digest> inUse = new HashSet<>();
        for (ContainerRecord c : containers.list(true)) {
            inUse.add(Digest.parse(c.imageId()));
        }
        return inUse;
    }

    /**
     * Docker's {@code image prune}: deletes every dangling image (with {@code all}, every image) that no container,
     * running or not, was made from and that {@code which} accepts (the until and label filters); a named image
     * loses its names first. Layers and blobs another image or a container still has stay. Runs under the lock
     * that keeps pulls, loads and creations out, as {@code rmi} does.
     */
    ImagePrune prune(boolean all, java.util.function.Predicate<Image> which) throws IOException {
        imageUse.writeLock().lock();
        try {
            Set<Digest> inUse = imagesInUse();
            List<ImageRemoval> removed = new java.util.ArrayList<>();
            long reclaimed = 0;
            for (Image image : images.list()) {
                if ((!all && !image.tags().isEmpty()) || inUse.contains(image.id()) || !which.test(image)) {
                    continue;
                }
                List<String> untagged = untagAll(image);
                java.util.OptionalLong freed = images.deleteIfUnused(image, inUse);
                reclaimed += freed.orElse(0);
                removed.add(new ImageRemoval(untagged, freed.isPresent() ? List.of(image.id().toString()) : List.of()));
            }
            return new ImagePrune(removed, reclaimed);
        } finally {
            imageUse.writeLock().unlock();
        }
    }

    /**
     * Docker's {@code save}: writes one archive holding every image {@code references} names to {@code out}.
     * A name with a tag or digest saves that image under it; a bare repository ({@code busybox}) saves each of its
     * tags; an image id (or unique prefix) saves the image without a name. 404 for a name that matches nothing.
     */
    void save(List<String> references, java.io.OutputStream out) throws IOException {
        if (references.isEmpty()) {
            throw EngineException.invalid("no image names given to save");
        }
        imageUse.readLock().lock();
        try {
            Map<Digest, List<String>> names = new java.util.LinkedHashMap<>();
            Map<Digest, Image> byId = new java.util.LinkedHashMap<>();
            for (String reference : references) {
                for (Map.Entry<Image, List<String>> e : savedAs(reference).entrySet()) {
                    byId.putIfAbsent(e.getKey().id(), e.getKey());
                    List<String> list = names.computeIfAbsent(e.getKey().id(), k -> new java.util.ArrayList<>());
                    e.getValue().stream().filter(n -> !list.contains(n)).forEach(list::add);
                }
            }
            List<ImageSaver.Entry> entries = byId.values().stream()
                    .map(i -> new ImageSaver.Entry(i, names.get(i.id()))).toList();
            new ImageSaver(images.blobs(), scratch).save(entries, out);
        } finally {
            imageUse.readLock().unlock();
        }
    }

    /** The images one {@code save} argument stands for, each with the names it is saved under. */
    private Map<Image, List<String>> savedAs(String reference) throws IOException {
        ImageReference.Parsed parsed = ImageReference.parse(reference);
        boolean bareRepository = reference.indexOf('@') < 0 && reference.lastIndexOf(':') <= reference.lastIndexOf('/');
        if (parsed instanceof ImageReference.Parsed.Valid valid) {
            ImageReference ref = valid.reference();
            Optional<Image> named = images.resolve(ref);
            if (bareRepository) {
                Map<Image, List<String>> out = new java.util.LinkedHashMap<>();
                for (Image image : images.list()) {
                    List<String> tags = image.tags().stream()
                            .filter(t -> ImageReference.of(t).name().equals(ref.name())).toList();
                    if (!tags.isEmpty()) {
                        out.put(image, tags);
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            } else if (named.isPresent()) {
                return Map.of(named.get(), ref.tag() != null ? List.of(ref.toString()) : List.of());
            }
        }
        Image byId = images.findById(reference).orElseThrow(() -> parsed instanceof ImageReference.Parsed.Invalid bad
                ? EngineException.invalid(bad.reason()) : EngineException.notFound("No such image: " + reference));
        return Map.of(byId, List.of());
    }
}
