package io.shoal.engine.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shoal.engine.EngineException;
import io.shoal.engine.host.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Local volumes: {@code root/<name>/_data}, as Docker's local driver lays them out, with {@code volume.json}
 * (labels, creation time, anonymous) beside it. A name is {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}, so it can never be
 * a path; removal is refused while a container (running or not) uses the volume.
 */
public final class VolumeStore {

    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Meta(Map<String, String> labels, Instant createdAt, boolean anonymous) { }

    private final Path root;
    private final Predicate<String> inUse;
    private final Clock clock;

    public VolumeStore(Path root, Predicate<String> inUse, Clock clock) throws IOException {
        this.root = root;
        this.inUse = inUse;
        this.clock = clock;
        Files.createDirectories(root);
    }

    /** Creates the volume, or returns the existing one of that name (as Docker does). */
    public synchronized Volume create(String name, Map<String, String> labels, boolean anonymous) {
        checkName(name);
        Optional<Volume> existing = inspect(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path dir = root.resolve(name);
        Meta meta = new Meta(labels == null ? Map.of() : labels, clock.instant(), anonymous);
        try {
            Files.createDirectories(dir.resolve("_data"));
            JSON.writeValue(dir.resolve("volume.json").toFile(), meta);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "create volume " + name + ": " + e.getMessage(),
                    e);
        }
        return new Volume(name, dir.resolve("_data"), meta.labels(), meta.createdAt(), anonymous);
    }

    /** Where a volume of that name keeps (or would keep) its data. */
    public Path pathOf(String name) {
        checkName(name);
        return root.resolve(name).resolve("_data");
    }

    public Optional<Volume> inspect(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir.resolve("_data"))) {
            return Optional.empty();
        }
        Meta meta = new Meta(Map.of(), null, false);
        try {
            if (Files.exists(dir.resolve("volume.json"))) {
                meta = JSON.readValue(dir.resolve("volume.json").toFile(), Meta.class);
            }
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "read volume " + name + ": " + e.getMessage(), e);
        }
        return Optional.of(new Volume(name, dir.resolve("_data"), meta.labels(), meta.createdAt(), meta.anonymous()));
    }

    public List<Volume> list() {
        List<Volume> out = new ArrayList<>();
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                inspect(d.getFileName().toString()).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "list volumes: " + e.getMessage(), e);
        }
        return out;
    }

    /** Removes a volume no container uses; {@code force} only makes a missing volume no error (Docker's -f). */
    public synchronized void remove(String name, boolean force) {
        Optional<Volume> found = inspect(name);
        if (found.isEmpty()) {
            if (force) {
                return;
            }
            throw EngineException.notFound("get " + name + ": no such volume");
        }
        if (inUse.test(name)) {
            throw EngineException.conflict("remove " + name + ": volume is in use");
        }
        delete(found.get());
    }

    /**
     * Removes every volume no container uses that {@code which} accepts (Docker's prune; {@code all} false keeps
     * named volumes).
     */
    public synchronized List<String> prune(boolean all, java.util.function.Predicate<Volume> which) {
        List<String> removed = new ArrayList<>();
        for (Volume v : list()) {
            if ((all || v.anonymous()) && which.test(v) && !inUse.test(v.name())) {
                delete(v);
                removed.add(v.name());
            }
        }
        return removed;
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EngineException.invalid("invalid volume name \"" + name
                    + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed, at most 255 characters");
        }
    }

    private void delete(Volume v) {
        try {
            Trees.delete(v.mountpoint().getParent());
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "remove volume " + v.name() + ": "
                    + e.getMessage(), e);
        }
    }
}
