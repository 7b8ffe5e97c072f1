package io.shoal.bench.converge.linux;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The baseline: the same containers started with nothing but runc. Each gets a bundle whose rootfs is an
 * overlay mount (its own upper and work directories) of the busybox rootfs unpacked once, umoci's config with
 * {@code process.args} replaced, and {@code runc run -d}; removal is {@code runc kill KILL} then
 * {@code runc delete}, then the unmount. {@code parallel} workers share the list of containers, as an engine
 * starting them concurrently would.
 */
public final class RawRunc implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Path runcRoot;
    private final Path lower;
    private final ObjectNode config;
    private final ExecutorService pool;
    private int started;

    private RawRunc(Path dir, Path lower, ObjectNode config, int parallel) {
        this.dir = dir;
        this.runcRoot = dir.resolve("runc");
        this.lower = lower;
        this.config = config;
        this.pool = Executors.newFixedThreadPool(parallel);
    }

    /** Unpacks the image under {@code dir}/base and prepares containers running {@code args}. */
    public static RawRunc prepare(BusyboxImage image, Path dir, List<String> args, int parallel) throws IOException {
        Path base = image.unpack(dir.resolve("base"));
        ObjectNode config = (ObjectNode) JSON.readTree(base.resolve("config.json").toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        ArrayNode argv = process.putArray("args");
        args.forEach(argv::add);
        process.put("terminal", false);
        Files.createDirectories(dir.resolve("runc"));
        return new RawRunc(dir, base.resolve("rootfs"), config, parallel);
    }

    public Path runcRoot() {
        return runcRoot;
    }

    /** Starts containers until {@code total} run; returns once every {@code runc run -d} has returned. */
    public void scaleUpTo(int total) throws Exception {
        List<Integer> ids = IntStream.range(started, total).boxed().toList();
        all(ids.stream().map(i -> (Runnable) () -> start("raw-" + i)).toList());
        started = Math.max(started, total);
    }

    /** Kills, deletes and unmounts every container started so far. */
    public void removeAll() throws Exception {
        List<Integer> ids = IntStream.range(0, started).boxed().toList();
        all(ids.stream().map(i -> (Runnable) () -> remove("raw-" + i)).toList());
        started = 0;
    }

    private void all(List<Runnable> jobs) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        jobs.forEach(j -> futures.add(pool.submit(j)));
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private void start(String id) {
        Path bundle = dir.resolve(id);
        Path rootfs = bundle.resolve("rootfs");
        try {
            for (String d : List.of("upper", "work", "rootfs")) {
                Files.createDirectories(bundle.resolve(d));
            }
            Host.run(List.of("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + lower + ",upperdir=" + bundle.resolve("upper")
                    + ",workdir=" + bundle.resolve("work"), rootfs.toString())).orThrow("overlay mount for " + id);
            ObjectNode own = config.deepCopy();
            ((ObjectNode) own.get("root")).put("path", rootfs.toString());
            ((ObjectNode) own.get("root")).put("readonly", false);
            JSON.writeValue(bundle.resolve("config.json").toFile(), own);
            Process p = new ProcessBuilder(List.of(Host.RUNC, "--root", runcRoot.toString(), "run", "-d", "--bundle", bundle.toString(), id))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("runc.log").toFile()))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("runc run -d " + id + " failed; see " + dir.resolve("runc.log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start raw container " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting " + id, e);
        }
    }

    private void remove(String id) {
        Host.run(List.of(Host.RUNC, "--root", runcRoot.toString(), "kill", id, "KILL"));
        Host.run(List.of(Host.RUNC, "--root", runcRoot.toString(), "delete", "--force", id)).orThrow("runc delete " + id);
        Host.run(List.of("umount", dir.resolve(id).resolve("rootfs").toString()));
    }

    /** Whatever is left (after a failure or Ctrl-C): containers, mounts. The directory is the caller's. */
    @Override
    public void close() {
        pool.shutdownNow();
        Host.removeAll(runcRoot);
        Host.unmountUnder(dir);
    }
}
