package io.shoal.engine;

import io.shoal.engine.bundle.ContainerSpecs;
import io.shoal.engine.container.ContainerEvent;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.Events;
import io.shoal.engine.health.HealthMonitor;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.ImagePuller;
import io.shoal.engine.registry.ImagePusher;
import io.shoal.engine.registry.ProgressListener;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.PushResult;
import io.shoal.engine.registry.Registries;
import io.shoal.engine.registry.RegistrySettings;
import java.util.Optional;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.container.ContainerService;
import io.shoal.engine.content.BlobStore;
import io.shoal.engine.content.Image;
import io.shoal.engine.content.ImageLoader;
import io.shoal.engine.content.ImagePrune;
import io.shoal.engine.content.ImageRemoval;
import io.shoal.engine.content.ImageStore;
import io.shoal.engine.host.FileAttributes;
import io.shoal.engine.host.Mounter;
import io.shoal.engine.host.OciRuntime;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.layer.LayerStore;
import io.shoal.engine.layer.Unpacker;
import io.shoal.engine.linux.HostLimits;
import io.shoal.engine.linux.LinuxFiles;
import io.shoal.engine.linux.LinuxMounter;
import io.shoal.engine.linux.MonitorBinary;
import io.shoal.engine.linux.RuncRuntime;
import io.shoal.engine.linux.RunTmpfs;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.engine.exec.ExecIo;
import io.shoal.engine.exec.ExecRecord;
import io.shoal.engine.exec.ExecRequest;
import io.shoal.engine.exec.ExecResult;
import io.shoal.engine.exec.ExecService;
import io.shoal.engine.volume.Volume;
import io.shoal.engine.volume.VolumeStore;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node engine's Java API: the one facade the worker and the Docker HTTP layer call. Every method is
 * blocking and thread-safe; failures are {@link EngineException}s classified for the edge. See package-info.
 */
public final class Engine implements AutoCloseable {

    /**
     * Where the engine keeps its state and which host binaries it runs: {@code monitor} is the per-container
     * monitor, null for the engine's own {@code shoal-monitor}; {@code cgroupParent} is the absolute cgroup under
     * which every container gets {@code <parent>/<id>}; {@code initBinary} (a static tini) backs Docker's
     * {@code --init}, null if absent; {@code logSizeMax} caps each container's log (0 = no cap); {@code bindRoots}
     * limits bind-mount sources to those directories (empty = any existing absolute path);
     * {@code insecureRegistries} are the registries it may reach over plain http (Docker's
     * {@code insecure-registries}: {@code host:port} or a CIDR; loopback registries always may). {@code run} is
     * the directory of what matters only while containers run (runc's state, their bundles): the engine mounts a
     * tmpfs there unless it is on one ({@link RunTmpfs}).
     */
    public record Settings(Path root, Path run, String runc, String monitor, String cgroupParent, String initBinary,
                           long logSizeMax, List<Path> bindRoots, List<String> insecureRegistries) {
        public Settings {
            if (run == null) {
                run = root.resolve("run");
            }
            bindRoots = bindRoots == null ? List.of() : List.copyOf(bindRoots);
            insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
            if (cgroupParent == null || !cgroupParent.startsWith("/")) {
                throw new IllegalArgumentException("cgroupParent must be an absolute cgroup path: " + cgroupParent);
            }
        }

        public static Settings defaults(Path root) {
            return new Settings(root, null, "/usr/sbin/runc", null, "/shoal",
                    Files.exists(Path.of("/usr/bin/tini-static")) ? "/usr/bin/tini-static" : null, 10L << 20,
                    List.of(), List.of());
        }

        /** runc's {@code --root}: on the run tmpfs. */
        public Path runcRoot() {
            return run.resolve("runc");
        }

        /** Where engines before the run tmpfs kept runc's state; containers they started are still driven there. */
        public Path legacyRuncRoot() {
            return root.resolve("runc");
        }

        public Settings withCgroupParent(String value) {
            return new Settings(root, run, runc, monitor, value, initBinary, logSizeMax, bindRoots, insecureRegistries);
        }

        public Settings withLogSizeMax(long bytes) {
            return new Settings(root, run, runc, monitor, cgroupParent, initBinary, bytes, bindRoots, insecureRegistries);
        }

        public Settings withBindRoots(List<Path> value) {
            return new Settings(root, run, runc, monitor, cgroupParent, initBinary, logSizeMax, value, insecureRegistries);
        }

        public Settings withBinaries(String runcPath, String monitorPath, String initPath) {
            return new Settings(root, run, runcPath, monitorPath, cgroupParent, initPath, logSizeMax, bindRoots,
                    insecureRegistries);
        }

        public Settings withRun(Path value) {
            return new Settings(root, value, runc, monitor, cgroupParent, initBinary, logSizeMax, bindRoots,
                    insecureRegistries);
        }

        public Settings withInsecureRegistries(List<String> value) {
            return new Settings(root, run, runc, monitor, cgroupParent, initBinary, logSizeMax, bindRoots, value);
        }
    }

    private final ImageStore images;
    private final ImageLoader loader;
    private final VolumeStore volumes;
    private final ContainerService containers;
    private final ExecService execs;
    private final Events events = new Events();
    private final HealthMonitor health;
    private final Path scratch;
    private final Supplier<String> ids;
    private final ImagePuller puller;
    /** Read: work that relies on images' layers staying (pull, load, create); write: deleting an image. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock imageUse =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final ImagePusher pusher;
    private final EngineImages catalog;
    private final RunTmpfs run;

    Engine(Settings settings, RunTmpfs run, FileAttributes files, Mounter mounter, OciRuntime runtime, Clock clock,
           Supplier<String> ids) throws IOException {
        this.run = run;
        Path root = settings.root();
        this.ids = ids;
        scratch = Files.createDirectories(root.resolve("tmp"));
        images = new ImageStore(new BlobStore(root.resolve("content")),
                new LayerStore(root.resolve("layers"), new Unpacker(files)), root.resolve("images.json"));
        loader = new ImageLoader(images);
        Registries registries = new Registries(RegistrySettings.defaults()
                .withInsecureRegistries(settings.insecureRegistries()));
        puller = new ImagePuller(images, registries);
        pusher = new ImagePusher(images, registries);
        ContainerService[] self = new ContainerService[1];
        volumes = new VolumeStore(root.resolve("volumes"), name -> self[0] != null && self[0].volumeInUse(name),
                clock);
        // each container's directory in a block group of its own: they come and go, and ext4 without a journal
        // scans a group's recently deleted inodes at every allocation in it (LinuxFiles#spreadSubdirectories)
        Path containerDirs = Files.createDirectories(root.resolve("containers"));
        files.spreadSubdirectories(containerDirs);
        containers = new ContainerService(containerDirs, run.dir().resolve("bundles"), images, volumes, mounter, runtime,
                new ContainerSpecs.HostFacts(HostLimits.hard(), settings.initBinary(), settings.cgroupParent()),
                settings.bindRoots(), settings.logSizeMax(), events, clock, ids);
        self[0] = containers;
        execs = new ExecService(containers, runtime, ids);
        catalog = new EngineImages(images, containers, imageUse, scratch);
        health = new HealthMonitor((id, argv, timeout) -> {
            ExecResult r = execs.run(id, argv, List.of(), timeout);
            return new HealthMonitor.Prober.Result(r.exitCode(), r.stdout() + r.stderr());
        }, clock, events::publish);
        events.subscribe(this::followHealth);
        for (ContainerRecord c : containers.list(false)) {
            health.started(c.id(), c.resolved().healthcheck());
        }
    }

    /**
     * The engine on this host: runc under shoal-monitor, mount(2) through JNA, runtime state on a tmpfs at
     * {@link Settings#run} (mounted now unless it already is one). Re-adopts running containers, also those an
     * earlier engine left with runc's state in {@code root/runc}.
     */
    public static Engine open(Settings settings) throws IOException {
        SecureRandom random = new SecureRandom();
        RunTmpfs run = RunTmpfs.open(settings.run());
        try {
            return new Engine(settings, run, new LinuxFiles(), new LinuxMounter(),
                    new RuncRuntime(settings.runc(), settings.monitor() != null ? settings.monitor()
                            : MonitorBinary.install(settings.root().resolve("bin")).toString(),
                            settings.runcRoot(), settings.legacyRuncRoot(), settings.root().resolve("exits")),
                    Clock.systemUTC(), () -> {
                        byte[] b = new byte[32];
                        random.nextBytes(b);
                        return HexFormat.of().formatHex(b);
                    });
        } catch (IOException | RuntimeException e) {
            if (run.fresh()) { // mounted just now: nothing runs from it
                run.release();
            }
            throw e;
        }
    }

    // images

    public List<Image> loadOciLayout(Path layout, String repository) throws IOException {
        return whileImagesKept(() -> loader.loadOciLayout(layout, repository));
    }

    public List<Image> loadDockerArchive(InputStream archive) throws IOException {
        return whileImagesKept(() -> loader.loadDockerArchive(archive, scratch));
    }

    public List<Image> images() throws IOException {
        return images.list();
    }

    /** The image a name points at, else the named image whose id is or starts with {@code reference}. */
    public java.util.Optional<Image> image(String reference) throws IOException {
        return catalog.image(reference);
    }

    /** Gives {@code target} to the image {@code source} names (Docker's {@code tag}); returns the image. */
    public Image tagImage(String source, String target) throws IOException {
        return catalog.tag(source, target);
    }

    /** Docker's {@code rmi}: see {@link EngineImages#remove}. */
    public ImageRemoval removeImage(String reference, boolean force) throws IOException {
        return catalog.remove(reference, force);
    }

    /** Docker's {@code image prune}: see {@link EngineImages#prune}. */
    public ImagePrune pruneImages(boolean all, java.util.function.Predicate<Image> which) throws IOException {
        return catalog.prune(all, which);
    }

    /** Docker's {@code save}: see {@link EngineImages#save}. */
    public void save(List<String> references, java.io.OutputStream out) throws IOException {
        catalog.save(references, out);
    }

    /**
     * Pulls {@code reference} (Docker's normalisation: {@code busybox} is {@code docker.io/library/busybox:latest};
     * linux/amd64 from an index) from its registry into this node; layers already here are not fetched again.
     * Failures are {@link io.shoal.engine.registry.RegistryException}s whose kind carries Docker's status.
     */
    public PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
        ImageReference ref = reference(reference);
        return whileImagesKept(() -> puller.pull(ref, auth, progress));
    }

    /** Pushes the local image {@code reference} to the registry its name points at. */
    public PushResult push(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
        ImageReference ref = reference(reference);
        images.resolve(ref).orElseThrow(() -> EngineException.notFound("An image does not exist locally with the tag: "
                + reference));
        return pusher.push(ref, auth, progress);
    }

    /**
     * The image store, for inspection (tests). Pulls, loads and creations must go through this facade: it holds the
     * lock that keeps a concurrent {@code rmi} from deleting a layer they just found.
     */
    public ImageStore imageStore() {
        return images;
    }

    private interface ImageWork<T> {
        T run() throws IOException;
    }

    /** Pulls, loads and creations count on the layers they found staying; {@link #removeImage} waits for them. */
    private <T> T whileImagesKept(ImageWork<T> work) throws IOException {
        imageUse.readLock().lock();
        try {
            return work.run();
        } finally {
            imageUse.readLock().unlock();
        }
    }

    static ImageReference reference(String text) {
        ImageReference.Parsed parsed = ImageReference.parse(text);
        if (parsed instanceof ImageReference.Parsed.Invalid invalid) {
            throw EngineException.invalid(invalid.reason());
        }
        return ((ImageReference.Parsed.Valid) parsed).reference();
    }

    // containers (every {@code id} parameter also takes a unique id prefix or the container's name)

    /**
     * Validates, resolves the image, plans mounts, writes the bundle and mounts the rootfs; returns the id. The image
     * is a name, or as dockerd resolves it when no name matches, an image id: {@code sha256:<64 hex>}, the 64 hex
     * digits or a unique prefix of them (a prefix several images share is a 404 saying so).
     */
    public String create(ContainerRequest request) {
        imageUse.readLock().lock();
        try {
            return containers.create(request);
        } finally {
            imageUse.readLock().unlock();
        }
    }

    /** Starts the container under its monitor; starting a running container does nothing. */
    public void start(String id) {
        containers.start(id);
    }

    /** Sends the stop signal, then SIGKILL after {@code timeout}; returns the exit code. */
    public int stop(String id, Duration timeout) {
        return containers.stop(id, timeout);
    }

    public void restart(String id, Duration timeout) {
        containers.restart(id, timeout);
    }

    /** {@code signal} as Docker takes it: {@code KILL}, {@code SIGKILL} or {@code 9}. */
    public void kill(String id, String signal) {
        containers.kill(id, signal);
    }

    public void pause(String id) {
        containers.pause(id);
    }

    public void unpause(String id) {
        containers.unpause(id);
    }

    /** Removes the container (with {@code force}, kills it first); its named volumes stay. */
    public void remove(String id, boolean force) {
        remove(id, force, false);
    }

    /** {@code docker rm [-f] [-v]}: with {@code removeVolumes}, its anonymous volumes no other container uses go too. */
    public void remove(String id, boolean force, boolean removeVolumes) {
        String full = containers.get(id).id();
        containers.remove(full, force, removeVolumes);
        execs.forgetContainer(full);
    }

    /** Completes with the exit code when the container is not running (at once if it is not). */
    public CompletableFuture<Integer> waitFor(String id) {
        return containers.waitFor(id);
    }

    /** The container's output so far; with {@code follow}, blocks and keeps sending until the container exits. */
    public void logs(String id, boolean follow, Consumer<LogEntry> sink) {
        containers.logs(id, LogQuery.all().withFollow(follow), sink);
    }

    /**
     * {@code docker logs}: entries filtered by stream, since/until and tail; with follow, blocks until the container
     * exits. Each {@link LogEntry} has Docker's json-file shape ({@link LogEntry#toDockerJson()}) and its timestamp.
     * The sink may throw to stop (a client gone).
     */
    public void logs(String id, LogQuery query, Consumer<LogEntry> sink) {
        containers.logs(id, query, sink);
    }

    /**
     * {@code docker attach} / {@code docker run} without -d (output only): blocks, sending the container's output
     * from its first line ({@code fromStart}) or from now, until the current run — for a created container, its
     * next run — exits. Call it before {@link #start} to see everything. Stdin is not attached.
     */
    public void attach(String id, boolean fromStart, Consumer<LogEntry> sink) {
        containers.attach(id, fromStart, sink);
    }

    /** Docker's wait condition {@code next-exit}: the exit code of the run after the current one ends. */
    public CompletableFuture<Integer> waitForNextExit(String id) {
        return containers.waitForNextExit(id);
    }

    /** Runs {@code argv} inside the running container and collects its output. */
    public ExecResult exec(String id, List<String> argv, List<String> env) {
        return execs.run(id, argv, env, null);
    }

    /** Docker's exec create: a record for a process to run in the running container; returns the exec id. */
    public String execCreate(String containerId, ExecRequest request) {
        return execs.create(containerId, request);
    }

    /**
     * Docker's exec start: runs the exec, copying {@code io.stdin} (if the exec attaches stdin) to it and its output
     * to {@code io}'s streams as it comes; blocks until the process exits and returns its exit code. Once per exec.
     */
    public int execStart(String execId, ExecIo io) {
        return execs.start(execId, io);
    }

    public ExecRecord execInspect(String execId) {
        return execs.inspect(execId);
    }

    public ContainerRecord inspect(String id) {
        return containers.inspect(id);
    }

    /** Running and paused containers, or with {@code all} every container; newest first. */
    public List<ContainerRecord> list(boolean all) {
        return containers.list(all);
    }

    // volumes

    /** Creates a local volume (null name: an anonymous one), or returns the existing one of that name. */
    public Volume createVolume(String name, Map<String, String> labels) {
        return volumes.create(name == null ? ids.get() : name, labels, name == null);
    }

    public List<Volume> volumes() {
        return volumes.list();
    }

    public Volume volume(String name) {
        return volumes.inspect(name).orElseThrow(() -> EngineException.notFound("get " + name + ": no such volume"));
    }

    /** Refused while any container (running or not) uses it; {@code force} makes a missing volume no error. */
    public void removeVolume(String name, boolean force) {
        volumes.remove(name, force);
    }

    /** Removes unused anonymous volumes (with {@code all}, unused named ones too); returns their names. */
    public List<String> pruneVolumes(boolean all) {
        return pruneVolumes(all, v -> true);
    }

    /** Docker's volume prune restricted to the volumes {@code which} accepts (its label filters). */
    public List<String> pruneVolumes(boolean all, java.util.function.Predicate<Volume> which) {
        return volumes.prune(all, which);
    }

    // events and health

    /**
     * Calls {@code listener} with every container event (Docker's names: create, start, die with exitCode, oom,
     * pause, unpause, destroy, {@code health_status: healthy|unhealthy}) on the engine thread that caused it; keep
     * it quick. Closing the handle unsubscribes.
     */
    public AutoCloseable subscribe(Consumer<ContainerEvent> listener) {
        return events.subscribe(listener);
    }

    /** The container's health (status, failing streak, last 5 probes), empty if it has no health check. */
    public Optional<HealthState> health(String id) {
        return health.state(containers.get(id).id());
    }

    private void followHealth(ContainerEvent e) {
        switch (e.action()) {
            case "start" -> health.started(e.containerId(), containers.get(e.containerId()).resolved().healthcheck());
            case "die" -> health.stopped(e.containerId());
            case "destroy" -> health.removed(e.containerId());
            default -> { }
        }
    }

    /**
     * Stops watching monitors; containers keep running and a later {@link #open} re-adopts them. When none runs
     * any more, the run tmpfs is unmounted and its directory removed (the engine's root can then be deleted).
     */
    @Override
    public void close() {
        health.close();
        boolean idle = containers.releaseRuntimeState();
        containers.close();
        if (idle) {
            try {
                run.release();
            } catch (IOException e) {
                throw new EngineException(EngineException.Kind.INTERNAL, "release " + run.dir() + ": " + e.getMessage(), e);
            }
        }
    }
}
