package io.shoal.engine.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shoal.api.validate.Violation;
import io.shoal.engine.EngineException;
import io.shoal.engine.bundle.ContainerSpecs;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.bundle.RuntimeSpec;
import io.shoal.engine.bundle.SpecOp;
import io.shoal.engine.bundle.Users;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.host.Mounter;
import io.shoal.engine.host.OciRuntime;
import io.shoal.engine.host.OverlayRootfs;
import io.shoal.engine.host.Trees;
import io.shoal.engine.image.ConfigMerge;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.engine.logs.LogReader;
import io.shoal.engine.volume.Volume;
import io.shoal.engine.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One host's containers: create (spec + overlay dirs), start (under a monitor), stop, kill, pause, remove,
 * wait, logs, exec, inspect, list; and re-adoption of what a previous engine left running. What must survive a
 * host reboot lives in {@code root/<id>/}: {@code container.json}, {@code config.json} (the OCI spec, written once at
 * create), {@code upper/}, {@code work/}, {@code container.log(.1)}. What matters only while it runs is on the
 * engine's tmpfs, made again at every start: the bundle {@code bundles/<id>/} (a copy of config.json, the rootfs
 * mount point: the monitor mounts the overlay there in a mount namespace of its own for runc, then only the
 * container's namespace holds it; pidfile, oom, monitor.err). Containers of earlier engines have their bundle in
 * {@code root/<id>/bundle/}: it is used while they run, and its spec moves to {@code root/<id>/config.json} at
 * their next start.
 */
public final class ContainerService {

    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /*
     * Writers typed once, so their serializers are built here, when the engine opens, by one thread: built lazily,
     * the first creations of a burst (a service of 50 tasks on a fresh daemon) queued on Jackson's serializer
     * cache while one of them introspected ContainerRecord and RuntimeSpec (JFR: 65 waits of 10 ms and more).
     */
    private static final ObjectWriter RECORD_JSON = JSON.writerFor(ContainerRecord.class);
    private static final ObjectWriter SPEC_JSON = JSON.writerFor(RuntimeSpec.class);

    /** How long a SIGKILLed container may take to be seen exiting (a large memory takes a while to free). */
    private static final Duration KILL_WAIT = Duration.ofSeconds(60);

    private final Path root;
    private final Path bundles;
    private final ImageStore images;
    private final VolumeStore volumes;
    private final Mounter mounter;
    private final OciRuntime runtime;
    private final ContainerSpecs.HostFacts facts;
    private final Clock clock;
    private final Supplier<String> ids;
    private final List<Path> bindRoots;
    private final long defaultLogSizeMax;
    private volatile boolean closed;
    private final Events events;
    private final Map<String, ContainerRecord> containers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
    /** Names of containers being created, not yet in {@link #containers}. */
    private final Set<String> creatingNames = new HashSet<>();

    public ContainerService(Path root, Path bundles, ImageStore images, VolumeStore volumes, Mounter mounter, OciRuntime runtime,
                            ContainerSpecs.HostFacts facts, List<Path> bindRoots, long defaultLogSizeMax, Events events, Clock clock, Supplier<String> ids)
            throws IOException {
        this.root = root;
        this.bundles = bundles;
        this.bindRoots = List.copyOf(bindRoots);
        this.defaultLogSizeMax = defaultLogSizeMax;
        this.events = events;
        this.images = images;
        this.volumes = volumes;
        this.mounter = mounter;
        this.runtime = runtime;
        this.facts = facts;
        this.clock = clock;
        this.ids = ids;
        Files.createDirectories(root);
        Files.createDirectories(bundles);
        readopt();
    }

    /**
     * Creates a container. Creations run in parallel (mounts and bundle writes are slow); only the name is
     * reserved under a lock, so of two concurrent creations with one name exactly one succeeds.
     */
    public String create(ContainerRequest request) {
        if (request.name() != null && !NAME.matcher(request.name()).matches()) {
            throw EngineException.invalid("Invalid container name (" + request.name()
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        if (request.name() == null) {
            return createReserved(request);
        }
        synchronized (creatingNames) {
            if (creatingNames.contains(request.name())
                    || containers.values().stream().anyMatch(c -> c.name().equals(request.name()))) {
                throw EngineException.conflict("Conflict. The container name \"/" + request.name() + "\" is already in use");
            }
            creatingNames.add(request.name());
        }
        try {
            return createReserved(request);
        } finally {
            synchronized (creatingNames) {
                creatingNames.remove(request.name());
            }
        }
    }

    private String createReserved(ContainerRequest request) {
        if (request.image() == null || request.image().isEmpty()) {
            throw EngineException.invalid("no image given");
        }
        ImageReference.Parsed parsed = ImageReference.parse(request.image());
        Optional<Image> named = parsed instanceof ImageReference.Parsed.Valid valid
                ? io(() -> images.resolve(valid.reference())) : Optional.empty();
        ImageReference ref;
        Image image;
        if (named.isPresent()) {
            ref = ((ImageReference.Parsed.Valid) parsed).reference();
            image = named.get();
        } else {
            // As dockerd: no name matches, so an image id (sha256:…, 64 hex, or a unique prefix). The container keeps
            // the image's manifest digest under a repository spelled from the short id, which finds it again at start.
            Optional<Image> byId = io(() -> images.findById(request.image()));
            if (byId.isEmpty()) {
                throw parsed instanceof ImageReference.Parsed.Invalid invalid ? EngineException.invalid(invalid.reason())
                        : EngineException.notFound("No such image: "
                                + ((ImageReference.Parsed.Valid) parsed).reference().familiar());
            }
            image = byId.get();
            ref = ImageReference.of(image.id().hex().substring(0, 12) + "@" + image.manifest());
        }
        List<Violation> violations = new ArrayList<>(request.host().withBinds(List.of()).validate());
        ConfigMerge.Resolved config = ConfigMerge.merge(image.config(), request.config());
        if (config.argv().isEmpty()) {
            violations.add(new Violation("Cmd", "no command specified"));
        }
        if (request.stopTimeout().isNegative() || request.logSizeMax() < 0) {
            violations.add(new Violation("StopTimeout/LogSizeMax", "must not be negative"));
        }
        Mounts.Plan plan = Mounts.plan(request.host(), request.volumes(), config.volumes(), bindRoots,
                name -> volumes.pathOf(name).toString(), ids);
        violations.addAll(plan.violations());
        if (!violations.isEmpty()) {
            throw EngineException.invalid(violations.stream().map(Violation::toString)
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        String id = ids.get();
        String name = request.name() != null ? request.name() : "c" + id.substring(0, 12);
        HostConfig host = request.host().withBinds(plan.binds());
        Path dir = root.resolve(id);
        List<String> madeVolumes = new ArrayList<>();
        try {
            // only for as long as new volumes are seeded: a mount point on the tmpfs, made if one is
            Path rootfs = bundles.resolve(id).resolve("rootfs");
            // root exists and the id is new: one mkdir(2) each, not createDirectories' walk up and down the path
            // (each is 115-215 us of CPU in ext4's inode allocator: the bundle's dirs are on the tmpfs, made at start)
            Files.createDirectory(dir);
            Files.createDirectory(dir.resolve("upper"));
            Files.createDirectory(dir.resolve("work"));
            List<Path> lowers = images.layers().lowerDirs(image.diffIds());
            Users.Resolved user = resolveUser(config.user(), lowers);
            OverlayRootfs overlay = new OverlayRootfs(lowers, dir.resolve("upper"), dir.resolve("work"), rootfs);
            // the rootfs is mounted by the container's monitor at start, in a mount namespace of its own; here only
            // for as long as new volumes are seeded from the image's content at their paths
            boolean mounted = false;
            for (MountPoint m : plan.mounts()) {
                Volume made = null;
                synchronized (volumes) { // one creation of a volume two new containers name
                    if (m.type().equals("volume") && volumes.inspect(m.name()).isEmpty()) {
                        made = volumes.create(m.name(), Map.of(), !request.volumes().containsKey(m.name())
                                && request.host().binds().stream().noneMatch(b -> b.source().equals(m.name())));
                        madeVolumes.add(m.name());
                    }
                }
                if (made != null) {
                    if (!mounted) {
                        Files.createDirectories(rootfs);
                        mounter.mount(overlay);
                        mounted = true;
                    }
                    VolumeCopy.copyUp(rootfs, m.destination(), made.mountpoint());
                }
            }
            if (mounted) {
                mounter.unmount(rootfs);
                Trees.delete(rootfs.getParent());
            }
            String hostname = request.config().hostname().isEmpty() ? id.substring(0, 12) : request.config().hostname();
            RuntimeSpec spec = SpecOp.build(ContainerSpecs.ops(id, hostname, config, user, host, facts));
            spec.process.terminal = request.tty();
            Files.write(dir.resolve("config.json"), SPEC_JSON.writeValueAsBytes(spec));
            ContainerRecord rec = new ContainerRecord(id, name, ref.toString(), image.id().toString(), clock.instant(),
                    request.config(), host, config, plan.mounts(), request.tty(), request.openStdin(),
                    request.stopTimeout(), request.logSizeMax(), dir.resolve("container.log").toString(),
                    ContainerRecord.Run.created());
            save(rec);
            publish(id, "create", Map.of("name", name, "image", rec.image()));
            return id;
        } catch (IOException | RuntimeException e) {
            cleanup(id);
            for (String v : madeVolumes) {
                try {
                    volumes.remove(v, true);
                } catch (RuntimeException ignored) {
                    // best effort: the volume was ours alone
                }
            }
            if (e instanceof EngineException ee) {
                throw ee;
            }
            throw new EngineException(EngineException.Kind.INTERNAL, "create: " + e.getMessage(), e);
        }
    }

    public void start(String ref) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        Lifecycle.Outcome outcome = Lifecycle.next(rec.state(), Lifecycle.Event.START, false);
        if (outcome instanceof Lifecycle.Outcome.Refused refused) {
            throw EngineException.conflict(refused.reason());
        }
        if (outcome instanceof Lifecycle.Outcome.Unchanged) {
            return;
        }
        Path dir = root.resolve(id);
        Path bundle = bundles.resolve(id);
        try {
            Image image = images.resolve(ImageReference.of(rec.image())).orElseThrow(() ->
                    EngineException.notFound("No such image: " + rec.image()));
            OverlayRootfs rootfs = new OverlayRootfs(images.layers().lowerDirs(image.diffIds()), dir.resolve("upper"),
                    dir.resolve("work"), bundle.resolve("rootfs"));
            if (rec.state() != State.CREATED) {
                runtime.delete(id); // the previous run's runtime state and exit record
                Path log = dir.resolve("container.log");
                if (Files.exists(log)) { // the previous run's output stays readable, one generation back
                    Files.move(log, dir.resolve("container.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            makeBundle(dir, bundle);
            OciRuntime.Created created = runtime.run(id, bundle, rootfs, dir.resolve("container.log"),
                    rec.logSizeMax() > 0 ? rec.logSizeMax() : defaultLogSizeMax, rec.tty());
            exits.compute(id, (k, f) -> f == null || f.isDone() ? new CompletableFuture<>() : f);
            save(rec.running(created.pid(), created.monitorPid(), clock.instant(), rec.state() != State.CREATED));
            watch(id, created.monitorPid());
            publish(id, "start", Map.of());
        } catch (IOException e) {
            try {
                runtime.delete(id);
            } catch (IOException ignored) {
                // best effort: nothing of this run should stay behind
            }
            save(get(id).failed(e.getMessage(), clock.instant()));
            exitFuture(id).complete(128);
            throw new EngineException(EngineException.Kind.INTERNAL, "start " + id + ": " + e.getMessage(), e);
        }
    }

    /** Sends the stop signal, then SIGKILL if the container has not exited after {@code timeout}. */
    public int stop(String ref, Duration timeout) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        if (rec.state() != State.RUNNING && rec.state() != State.PAUSED) {
            return rec.exitCode();
        }
        String signal = rec.stopSignal().isEmpty() ? "SIGTERM" : Signals.normalise(rec.stopSignal());
        signalQuietly(id, signal);
        if (rec.state() == State.PAUSED) {
            io(() -> { runtime.resume(id); return null; });
        }
        return awaitExit(id, timeout).orElseGet(() -> killAndAwait(rec, false)); // resumed already
    }

    /** Docker's restart: stop (signal, then SIGKILL after {@code timeout}) if running, then start again. */
    public void restart(String ref, Duration timeout) {
        ContainerRecord rec = get(ref);
        stop(rec.id(), timeout);
        start(rec.id());
    }

    public void kill(String ref, String signal) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        if (rec.state() != State.RUNNING && rec.state() != State.PAUSED) {
            throw EngineException.conflict("Container " + id + " is not running");
        }
        String sig = Signals.normalise(signal);
        io(() -> { runtime.kill(id, sig); return null; });
    }

    public void pause(String ref) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        transition(id, Lifecycle.Event.PAUSE, () -> runtime.pause(id));
        publish(id, "pause", Map.of());
    }

    public void unpause(String ref) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        transition(id, Lifecycle.Event.UNPAUSE, () -> runtime.resume(id));
        publish(id, "unpause", Map.of());
    }

    /** The exit code, once the container has exited (at once if it already has). */
    public CompletableFuture<Integer> waitFor(String ref) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        if (rec.state() == State.EXITED || rec.state() == State.CREATED) {
            return CompletableFuture.completedFuture(rec.exitCode());
        }
        return exitFuture(id);
    }

    public void remove(String ref, boolean force) {
        remove(ref, force, false);
    }

    /** With {@code removeVolumes}, the container's anonymous volumes go too (Docker's {@code rm -v}). */
    public void remove(String ref, boolean force, boolean removeVolumes) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        Lifecycle.Outcome outcome = Lifecycle.next(rec.state(), Lifecycle.Event.REMOVE, force);
        if (outcome instanceof Lifecycle.Outcome.Refused refused) {
            throw EngineException.conflict(refused.reason());
        }
        if (rec.state() == State.RUNNING || rec.state() == State.PAUSED) {
            killAndAwait(rec, rec.state() == State.PAUSED);
        }
        cleanup(id);
        publish(id, "destroy", Map.of());
        if (removeVolumes) {
            for (String v : rec.volumeNames()) {
                volumes.inspect(v).filter(Volume::anonymous).ifPresent(vol -> {
                    try {
                        volumes.remove(v, true);
                    } catch (EngineException e) {
                        // still used by another container: it stays, as in Docker
                    }
                });
            }
        }
    }

    public ContainerRecord inspect(String id) {
        return get(id);
    }

    public List<ContainerRecord> list(boolean all) {
        return containers.values().stream().filter(c -> all || c.state() == State.RUNNING
                || c.state() == State.PAUSED).sorted(Comparator.comparing(ContainerRecord::created).reversed()).toList();
    }

    /** The container's log entries as {@code query} selects them; with follow, blocks until the container exits. */
    public void logs(String ref, LogQuery query, Consumer<LogEntry> sink) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        readLogs(id, query, () -> {
            ContainerRecord now = containers.get(id);
            return now == null || (now.state() != State.RUNNING && now.state() != State.PAUSED
                    && now.state() != State.RESTARTING);
        }, sink);
    }

    /**
     * Docker's attach as the engine supports it: the container's output, from its first line ({@code fromStart})
     * or from now, until the current run — or, for a container not yet started, its next run — has exited.
     */
    public void attach(String ref, boolean fromStart, Consumer<LogEntry> sink) {
        ContainerRecord rec = get(ref);
        String id = rec.id();
        CompletableFuture<Integer> run = rec.state() == State.EXITED ? null : exitFuture(id);
        if (run == null) {
            return;
        }
        readLogs(id, LogQuery.all().withTail(fromStart ? -1 : 0).withFollow(true), run::isDone, sink);
    }

    private void readLogs(String id, LogQuery query, java.util.function.BooleanSupplier finished,
                          Consumer<LogEntry> sink) {
        Path dir = root.resolve(id);
        try {
            LogReader.read(List.of(dir.resolve("container.log.1"), dir.resolve("container.log")), query, finished,
                    sink);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "logs " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes with the exit code of the run after the current one ends (Docker's {@code next-exit}). */
    public CompletableFuture<Integer> waitForNextExit(String ref) {
        return exitFuture(get(ref).id());
    }

    /**
     * The root filesystem of a running container, seen through its process ({@code /proc/<pid>/root}): the overlay
     * is mounted only in the container's own mount namespace.
     */
    public Path rootfs(String id) {
        return Path.of("/proc", Long.toString(get(id).pid()), "root");
    }

    /** Is a named volume mounted by any container (running or not), as Docker counts it? */
    public boolean volumeInUse(String name) {
        return containers.values().stream().anyMatch(c -> c.volumeNames().contains(name));
    }

    /** A container by full id, unique id prefix or name. */
    public ContainerRecord get(String idOrName) {
        ContainerRecord rec = containers.get(idOrName);
        if (rec != null) {
            return rec;
        }
        List<ContainerRecord> matches = containers.values().stream().filter(c -> c.name().equals(idOrName)
                || (idOrName.length() >= 3 && c.id().startsWith(idOrName))).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw matches.isEmpty() ? EngineException.notFound("No such container: " + idOrName)
                : EngineException.invalid("multiple containers match " + idOrName);
    }

    private void publish(String id, String action, Map<String, String> attributes) {
        events.publish(new ContainerEvent(id, action, clock.instant(), attributes));
    }

    /** After close, exits are left for the next engine on this root to record. */
    public void close() {
        closed = true;
        runtime.close();
    }

    /**
     * The bundle of a run on the tmpfs: config.json copied from the container's dir (a copy on a tmpfs is cheap;
     * the spec on disk is what a start after a reboot reads) and the rootfs mount point. A container created by an
     * earlier engine has its spec in its legacy {@code bundle/}: it moves to the container's dir, and that bundle goes.
     */
    private void makeBundle(Path dir, Path bundle) throws IOException {
        Path spec = dir.resolve("config.json");
        Path legacy = legacyBundle(dir);
        if (Files.isDirectory(legacy)) {
            if (!Files.exists(spec)) {
                Files.move(legacy.resolve("config.json"), spec);
            }
            mounter.unmount(legacy.resolve("rootfs"));
            Trees.delete(legacy);
        }
        Files.createDirectories(bundle.resolve("rootfs"));
        Files.copy(spec, bundle.resolve("config.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Where the current run's bundle is: the legacy one for a container an earlier engine started. */
    private Path bundleOf(String id) {
        Path legacy = legacyBundle(root.resolve(id));
        return Files.isDirectory(legacy) ? legacy : bundles.resolve(id);
    }

    /** The bundle engines before the run tmpfs kept in the container's directory {@code dir}. */
    private static Path legacyBundle(Path dir) {
        return dir.resolve("bundle");
    }

    private void watch(String id, long monitorPid) {
        runtime.exit(id, bundleOf(id), monitorPid).thenAccept(exit -> {
            if (!closed) {
                recordExit(id, monitorPid, exit);
            }
        });
    }

    private void recordExit(String id, long monitorPid, OciRuntime.Exit exit) {
        ContainerRecord rec = containers.get(id);
        if (rec != null && rec.run().monitorPid() == monitorPid) {
            save(rec.exited(exit.code(), exit.oomKilled(), clock.instant()));
            if (exit.oomKilled()) {
                publish(id, "oom", Map.of());
            }
            publish(id, "die", Map.of("exitCode", Integer.toString(exit.code())));
        }
        exitFuture(id).complete(exit.code());
    }

    private CompletableFuture<Integer> exitFuture(String id) {
        return exits.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** After an engine restart: re-attach to live monitors, and record exits that happened meanwhile. */
    private void readopt() throws IOException {
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path file = dir.resolve("container.json");
                if (!Files.exists(file)) {
                    continue;
                }
                ContainerRecord rec = JSON.readValue(file.toFile(), ContainerRecord.class);
                containers.put(rec.id(), rec);
                if (rec.state() == State.RUNNING || rec.state() == State.PAUSED) {
                    exitFuture(rec.id());
                    watch(rec.id(), rec.run().monitorPid());
                }
            }
        }
    }

    private void cleanup(String id) {
        Path dir = root.resolve(id);
        try {
            runtime.delete(id);
            mounter.unmount(legacyBundle(dir).resolve("rootfs")); // a container of an earlier engine
            Trees.delete(dir);
            Trees.delete(bundles.resolve(id));
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "remove " + id + ": " + e.getMessage(), e);
        } finally {
            containers.remove(id);
            exits.remove(id);
        }
    }

    /**
     * Whether no container runs (or is paused) any more, so nothing needs the tmpfs: then the runtime state of
     * exited ones (runc's state dir and their cgroups) is deleted, which would otherwise outlive the tmpfs.
     */
    public boolean releaseRuntimeState() {
        if (containers.values().stream().anyMatch(c -> c.state() == State.RUNNING || c.state() == State.PAUSED
                || c.state() == State.RESTARTING)) {
            return false;
        }
        for (String id : containers.keySet()) {
            try {
                runtime.delete(id);
            } catch (IOException e) {
                return false; // a cgroup still busy: keep the state that names it
            }
        }
        return true;
    }

    private Users.Resolved resolveUser(String user, List<Path> lowersTopFirst) throws IOException {
        if (user.isEmpty()) {
            return Users.Resolved.ROOT;
        }
        String passwd = firstFile(lowersTopFirst, "etc/passwd");
        String group = firstFile(lowersTopFirst, "etc/group");
        Users.Lookup lookup = Users.resolve(user, passwd, group);
        if (lookup instanceof Users.Lookup.NotFound nf) {
            throw EngineException.invalid(nf.reason());
        }
        return ((Users.Lookup.Found) lookup).user();
    }

    private static String firstFile(List<Path> lowers, String rel) throws IOException {
        for (Path l : lowers) {
            Path f = l.resolve(rel);
            if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Files.readString(f);
            }
        }
        return null;
    }

    private void transition(String id, Lifecycle.Event event, IoAction action) {
        ContainerRecord rec = get(id);
        Lifecycle.Outcome outcome = Lifecycle.next(rec.state(), event, false);
        if (outcome instanceof Lifecycle.Outcome.Refused refused) {
            throw EngineException.conflict(refused.reason());
        }
        io(() -> { action.run(); return null; });
        if (outcome instanceof Lifecycle.Outcome.Moved moved) {
            save(get(id).withState(moved.to()));
        }
    }

    /** False when the runtime could not signal it: it exited meanwhile, or the runtime lost track of it. */
    private boolean signalQuietly(String id, String signal) {
        try {
            runtime.kill(id, signal);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * SIGKILL (then {@code resume}s a paused container, so that it can die), then its exit code. When runc cannot
     * signal it although its exit has not been seen (runc's state is gone: its tmpfs was unmounted or cleared by
     * hand), the engine kills the container's init itself, if that pid is still its monitor's child, instead of
     * waiting for an exit that would never come. Fails after {@link #KILL_WAIT} without an exit, never hangs.
     */
    private int killAndAwait(ContainerRecord rec, boolean resume) {
        String id = rec.id();
        if (!signalQuietly(id, "SIGKILL") && !exitFuture(id).isDone()) {
            ProcessHandle.of(rec.pid())
                    .filter(init -> init.parent().map(p -> p.pid() == rec.run().monitorPid()).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        } else if (resume) {
            io(() -> { runtime.resume(id); return null; });
        }
        return awaitExit(id, KILL_WAIT).orElseThrow(() -> new EngineException(EngineException.Kind.INTERNAL,
                "container " + id + " did not exit within " + KILL_WAIT.toSeconds() + " s of SIGKILL (init pid "
                        + rec.pid() + ", monitor pid " + rec.run().monitorPid() + ")"));
    }

    /** The container's exit code once it has exited, empty if it has not within {@code timeout}. */
    private Optional<Integer> awaitExit(String id, Duration timeout) {
        try {
            return Optional.of(exitFuture(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(EngineException.Kind.INTERNAL, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "wait for " + id, e);
        }
    }

    /**
     * Records {@code rec} in memory and in {@code container.json}. The file is what a restarted engine re-adopts
     * from, so it must survive a {@code kill -9} of the daemon, which it does without fsync (the page cache
     * outlives the process); written beside and renamed over the old one, it is never seen half written. It is not
     * fsynced: after a crash of the host itself no container is running any more, and re-adoption then finds the
     * last record that reached the disk, as before.
     */
    private void save(ContainerRecord rec) {
        containers.put(rec.id(), rec);
        Path file = root.resolve(rec.id()).resolve("container.json");
        Path tmp = file.resolveSibling("container.json.tmp");
        try {
            Files.write(tmp, RECORD_JSON.writeValueAsBytes(rec));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, "save " + rec.id(), e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, e.getMessage(), e);
        }
    }
}
