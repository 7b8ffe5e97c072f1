package io.shoal.worker.http;

import io.shoal.engine.content.ImageRemoval;
import io.shoal.api.error.ApiException;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.container.MountPoint;
import io.shoal.engine.container.State;
import io.shoal.engine.content.Digest;
import io.shoal.engine.content.Image;
import io.shoal.engine.exec.ExecIo;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.exec.ExecRecord;
import io.shoal.engine.exec.ExecRequest;
import io.shoal.engine.image.ConfigMerge;
import io.shoal.engine.image.ImageConfig;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.engine.volume.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An in-memory {@link EnginePort}: containers whose "process" the test drives ({@link #output}, {@link #exit}),
 * one image ({@code busybox:latest}), volumes, and execs that answer {@code ran <argv>} (exit 3 for "fail").
 */
final class FakeEngine implements EnginePort {
    static final Image BUSYBOX = new Image(new Digest("a".repeat(64)), new Digest("b".repeat(64)), ImageConfig.empty(),
            List.of(), List.of("docker.io/library/busybox:latest"), 1234, java.time.Instant.parse("2024-01-02T03:04:05Z"));
    private final Map<String, ContainerRecord> containers = new LinkedHashMap<>();
    private final Map<String, List<LogEntry>> logs = new HashMap<>();
    private final Map<String, CompletableFuture<Integer>> exits = new HashMap<>();
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Integer>> nextExits = new HashMap<>();
    private final Map<String, ExecRecord> execs = new HashMap<>();
    private int next;
    /** The health every container reports (null: none has a check). */
    volatile HealthState health;

    synchronized void output(String id, String stream, String text) {
        logs.get(resolve(id).id()).add(new LogEntry(text, stream, Instant.now()));
        notifyAll();
    }

    synchronized void exit(String id, int code) {
        ContainerRecord c = resolve(id);
        containers.put(c.id(), c.withRun(new ContainerRecord.Run(State.EXITED, code, false, 0, 0, c.run().startedAt(),
                Instant.now(), "", 0)));
        CompletableFuture<Integer> running = exits.remove(c.id());
        if (running != null) {
            running.complete(code);
        }
        CompletableFuture<Integer> next = nextExits.remove(c.id());
        if (next != null) {
            next.complete(code);
        }
        notifyAll();
    }

    @Override
    public synchronized String create(ContainerRequest r) {
        if (image(r.image()).isEmpty()) {
            throw ApiException.notFound("No such image: " + r.image());
        }
        String id = String.format("%064x", ++next);
        ConfigMerge.Resolved resolved = ConfigMerge.merge(BUSYBOX.config(), r.config());
        List<MountPoint> mounts = new ArrayList<>();
        r.volumes().forEach((name, dst) -> mounts.add(new MountPoint("volume", name, "/v/" + name, dst, false)));
        containers.put(id, new ContainerRecord(id, r.name() == null ? "c" + next : r.name(), "docker.io/library/busybox:latest",
                BUSYBOX.id().toString(), Instant.now(), r.config(), r.host(), resolved, mounts, r.tty(), r.openStdin(),
                r.stopTimeout(), 0, "/logs/" + id, new ContainerRecord.Run(State.CREATED, 0, false, 0, 0, null, null, "", 0)));
        logs.put(id, new ArrayList<>());
        return id;
    }

    @Override
    public synchronized void start(String id) {
        ContainerRecord c = resolve(id);
        containers.put(c.id(), c.withRun(new ContainerRecord.Run(State.RUNNING, 0, false, 4242, 1, Instant.now(), null, "", 0)));
        exits.put(c.id(), new CompletableFuture<>());
        notifyAll();
    }

    @Override
    public int stop(String id, Duration timeout) {
        exit(id, 143);
        return 143;
    }

    @Override
    public void restart(String id, Duration timeout) {
        if (running(resolve(id))) {
            stop(id, timeout);
        }
        start(id);
    }

    @Override
    public synchronized void kill(String id, String signal) {
        if (!running(resolve(id))) {
            throw new ApiException(409, "Container " + id + " is not running");
        }
        exit(id, 137);
    }

    @Override
    public synchronized void pause(String id) {
        ContainerRecord c = resolve(id);
        containers.put(c.id(), c.withRun(new ContainerRecord.Run(State.PAUSED, 0, false, 4242, 1, c.run().startedAt(), null, "", 0)));
    }

    @Override
    public synchronized void unpause(String id) {
        ContainerRecord c = resolve(id);
        containers.put(c.id(), c.withRun(new ContainerRecord.Run(State.RUNNING, 0, false, 4242, 1, c.run().startedAt(), null, "", 0)));
    }

    @Override
    public synchronized Optional<HealthState> health(String id) {
        resolve(id);
        return Optional.ofNullable(health);
    }

    @Override
    public synchronized void remove(String id, boolean force, boolean removeVolumes) {
        ContainerRecord c = resolve(id);
        if (running(c)) {
            exit(id, 137);
        }
        containers.remove(c.id());
        logs.remove(c.id());
    }

    @Override
    public synchronized CompletableFuture<Integer> waitFor(String id) {
        ContainerRecord c = resolve(id);
        return running(c) ? exits.get(c.id()) : CompletableFuture.completedFuture(c.exitCode());
    }

    @Override
    public void logs(String id, LogQuery query, Consumer<LogEntry> sink) {
        String full = inspect(id).id();
        int existing;
        synchronized (this) {
            existing = logs.get(full).size();
        }
        int skip = query.tail() < 0 ? 0 : Math.max(0, existing - query.tail());
        follow(full, skip, query.follow(), e -> {
            if (query.accepts(e)) {
                sink.accept(e);
            }
        });
    }

    @Override
    public void attach(String id, boolean fromStart, Consumer<LogEntry> sink) {
        ContainerRecord c = inspect(id);
        if (c.state() == State.EXITED) {
            return;
        }
        int skip;
        synchronized (this) {
            skip = fromStart ? 0 : logs.get(c.id()).size();
            while (containers.containsKey(c.id()) && containers.get(c.id()).state() == State.CREATED) {
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        follow(c.id(), skip, true, sink);
    }

    /** Sends entries from index {@code from}; with follow, until the container is no longer running. */
    private void follow(String full, int from, boolean follow, Consumer<LogEntry> sink) {
        int sent = from;
        while (true) {
            List<LogEntry> batch;
            boolean done;
            synchronized (this) {
                List<LogEntry> all = logs.getOrDefault(full, List.of());
                batch = List.copyOf(all.subList(Math.min(sent, all.size()), all.size()));
                ContainerRecord c = containers.get(full);
                done = !follow || c == null || !running(c);
                if (batch.isEmpty() && !done) {
                    try {
                        wait(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            batch.forEach(sink);
            sent += batch.size();
            if (done && batch.isEmpty()) {
                return;
            }
        }
    }

    @Override
    public synchronized CompletableFuture<Integer> waitForNextExit(String id) {
        ContainerRecord c = resolve(id);
        return running(c) ? exits.get(c.id()) : nextExits.computeIfAbsent(c.id(), k -> new CompletableFuture<>());
    }

    @Override
    public synchronized String execCreate(String containerId, ExecRequest request) {
        String id = "e" + (++next);
        execs.put(id, new ExecRecord(id, resolve(containerId).id(), request, false, null));
        return id;
    }

    /** Writes {@code ran <argv>} and what stdin held (if attached) to stdout; exit code 3 when argv holds "fail". */
    @Override
    public int execStart(String execId, ExecIo io) {
        ExecRecord e = execInspect(execId);
        try {
            String in = io.stdin() == null ? "" : new String(io.stdin().readAllBytes(), StandardCharsets.UTF_8);
            io.stdout().write(("ran " + String.join(" ", e.request().argv()) + "\n" + in).getBytes(StandardCharsets.UTF_8));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        int code = e.request().argv().contains("fail") ? 3 : 0;
        synchronized (this) {
            execs.put(execId, new ExecRecord(execId, e.containerId(), e.request(), false, code));
        }
        return code;
    }

    @Override
    public synchronized ExecRecord execInspect(String execId) {
        ExecRecord e = execs.get(execId);
        if (e == null) {
            throw ApiException.notFound("No such exec instance: " + execId);
        }
        return e;
    }

    @Override
    public synchronized ContainerRecord inspect(String id) {
        return resolve(id);
    }

    @Override
    public synchronized List<ContainerRecord> list(boolean all) {
        return containers.values().stream().filter(c -> all || running(c))
                .sorted(Comparator.comparing(ContainerRecord::created).reversed()).toList();
    }

    @Override
    public List<Image> images() {
        return List.of(BUSYBOX);
    }

    @Override
    public Optional<Image> image(String reference) {
        ImageReference.Parsed p = ImageReference.parse(reference);
        return p instanceof ImageReference.Parsed.Valid v && BUSYBOX.tags().contains(v.reference().toString())
                ? Optional.of(BUSYBOX) : Optional.empty();
    }

    @Override
    public List<Image> loadDockerArchive(InputStream archive) {
        return List.of(BUSYBOX);
    }

    @Override
    public void save(List<String> names, java.io.OutputStream out) {
        for (String name : names) {
            image(name).orElseThrow(() -> ApiException.notFound("No such image: " + name));
        }
        try {
            out.write(("saved " + String.join(",", names)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public io.shoal.engine.content.ImagePrune pruneImages(boolean all, java.util.function.Predicate<Image> which) {
        boolean used = containers.values().stream().anyMatch(c -> c.imageId().equals(BUSYBOX.id().toString()));
        return all && !used && which.test(BUSYBOX)
                ? new io.shoal.engine.content.ImagePrune(List.of(new ImageRemoval(BUSYBOX.tags(),
                        List.of(BUSYBOX.id().toString()))), BUSYBOX.size())
                : new io.shoal.engine.content.ImagePrune(List.of(), 0);
    }

    @Override
    public void tag(String source, String target) {
        throw new ApiException(501, "no tags in the fake");
    }

    @Override
    public ImageRemoval untag(String reference, boolean force) {
        throw new ApiException(501, "no untag in the fake");
    }

    @Override
    public synchronized Volume createVolume(String name, Map<String, String> labels) {
        String n = name == null ? "f".repeat(64) : name;
        return volumes.computeIfAbsent(n, k -> new Volume(k, Path.of("/v", k), labels, Instant.now(), name == null));
    }

    @Override
    public synchronized List<Volume> volumes() {
        return List.copyOf(volumes.values());
    }

    @Override
    public synchronized Volume volume(String name) {
        Volume v = volumes.get(name);
        if (v == null) {
            throw ApiException.notFound("get " + name + ": no such volume");
        }
        return v;
    }

    @Override
    public synchronized void removeVolume(String name, boolean force) {
        if (volumes.remove(name) == null && !force) {
            throw ApiException.notFound("get " + name + ": no such volume");
        }
    }

    @Override
    public synchronized List<String> pruneVolumes(boolean all, java.util.function.Predicate<Volume> which) {
        List<String> gone = volumes.values().stream().filter(v -> (all || v.anonymous()) && which.test(v))
                .map(Volume::name).toList();
        gone.forEach(volumes::remove);
        return gone;
    }

    private ContainerRecord resolve(String ref) {
        ContainerRecord c = containers.get(ref);
        if (c != null) {
            return c;
        }
        return containers.values().stream().filter(x -> x.name().equals(ref) || (ref.length() >= 3 && x.id().startsWith(ref)))
                .findFirst().orElseThrow(() -> ApiException.notFound("No such container: " + ref));
    }

    private static boolean running(ContainerRecord c) {
        return c.state() == State.RUNNING || c.state() == State.PAUSED;
    }
}
