package io.shoal.worker.http;

import io.shoal.engine.content.ImageRemoval;
import io.shoal.api.error.ApiException;
import io.shoal.engine.Engine;
import io.shoal.engine.EngineException;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.ProgressListener;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.PushResult;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.content.Image;
import io.shoal.engine.exec.ExecIo;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.exec.ExecRecord;
import io.shoal.engine.exec.ExecRequest;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.engine.volume.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link EnginePort} over the node engine's facade: the same calls, with its failures given Docker's status codes. */
public final class EngineAdapter implements EnginePort, ImageTransfer {
    private final Engine engine;

    public EngineAdapter(Engine engine) {
        this.engine = engine;
    }

    /** Docker's status for an engine failure: NOT_FOUND 404, CONFLICT 409, INVALID 400, anything else 500. */
    public static ApiException classify(RuntimeException e) {
        if (e instanceof ApiException a) {
            return a;
        }
        if (e instanceof EngineException ee) {
            int status = switch (ee.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID -> 400;
                case INTERNAL -> 500;
            };
            return new ApiException(status, ee.getMessage());
        }
        if (e instanceof UncheckedIOException io) {
            return new ApiException(500, io.getCause().getMessage());
        }
        return new ApiException(500, String.valueOf(e));
    }

    @Override
    public String create(ContainerRequest request) {
        return call(() -> engine.create(request));
    }

    @Override
    public void start(String id) {
        run(() -> engine.start(id));
    }

    @Override
    public int stop(String id, Duration timeout) {
        return call(() -> engine.stop(id, timeout));
    }

    @Override
    public void restart(String id, Duration timeout) {
        run(() -> engine.restart(id, timeout));
    }

    @Override
    public void kill(String id, String signal) {
        run(() -> engine.kill(id, signal));
    }

    @Override
    public void pause(String id) {
        run(() -> engine.pause(id));
    }

    @Override
    public void unpause(String id) {
        run(() -> engine.unpause(id));
    }

    @Override
    public void remove(String id, boolean force, boolean removeVolumes) {
        run(() -> engine.remove(id, force, removeVolumes));
    }

    @Override
    public Optional<HealthState> health(String id) {
        return call(() -> engine.health(id));
    }

    @Override
    public CompletableFuture<Integer> waitFor(String id) {
        return call(() -> engine.waitFor(id));
    }

    @Override
    public CompletableFuture<Integer> waitForNextExit(String id) {
        return call(() -> engine.waitForNextExit(id));
    }

    @Override
    public void logs(String id, LogQuery query, Consumer<LogEntry> sink) {
        run(() -> engine.logs(id, query, sink));
    }

    @Override
    public void attach(String id, boolean fromStart, Consumer<LogEntry> sink) {
        run(() -> engine.attach(id, fromStart, sink));
    }

    @Override
    public String execCreate(String containerId, ExecRequest request) {
        return call(() -> engine.execCreate(containerId, request));
    }

    @Override
    public int execStart(String execId, ExecIo io) {
        return call(() -> engine.execStart(execId, io));
    }

    @Override
    public ExecRecord execInspect(String execId) {
        return call(() -> engine.execInspect(execId));
    }

    @Override
    public ContainerRecord inspect(String id) {
        return call(() -> engine.inspect(id));
    }

    @Override
    public List<ContainerRecord> list(boolean all) {
        return call(() -> engine.list(all));
    }

    @Override
    public List<Image> images() {
        return io(engine::images);
    }

    @Override
    public Optional<Image> image(String reference) {
        return io(() -> engine.image(reference));
    }

    @Override
    public List<Image> loadDockerArchive(InputStream archive) {
        return io(() -> engine.loadDockerArchive(archive));
    }

    /** Registry failures keep their own status (a {@code RegistryException} is an {@link IOException}). */
    @Override
    public PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
        try {
            return engine.pull(reference, auth, progress);
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    @Override
    public PushResult push(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
        try {
            return engine.push(reference, auth, progress);
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    @Override
    public void save(List<String> names, java.io.OutputStream out) {
        io(() -> {
            engine.save(names, out);
            return null;
        });
    }

    @Override
    public io.shoal.engine.content.ImagePrune pruneImages(boolean all, java.util.function.Predicate<Image> which) {
        return io(() -> engine.pruneImages(all, which));
    }

    @Override
    public void tag(String source, String target) {
        io(() -> engine.tagImage(source, target));
    }

    @Override
    public ImageRemoval untag(String reference, boolean force) {
        return io(() -> engine.removeImage(reference, force));
    }

    @Override
    public Volume createVolume(String name, Map<String, String> labels) {
        return call(() -> engine.createVolume(name, labels));
    }

    @Override
    public List<Volume> volumes() {
        return call(engine::volumes);
    }

    @Override
    public Volume volume(String name) {
        return call(() -> engine.volume(name));
    }

    @Override
    public void removeVolume(String name, boolean force) {
        run(() -> engine.removeVolume(name, force));
    }

    @Override
    public List<String> pruneVolumes(boolean all, java.util.function.Predicate<Volume> which) {
        return call(() -> engine.pruneVolumes(all, which));
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new ApiException(500, e.getMessage());
        } catch (EngineException e) {
            throw classify(e);
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineException e) {
            throw classify(e);
        }
    }

    private static void run(Runnable call) {
        try {
            call.run();
        } catch (EngineException e) {
            throw classify(e);
        }
    }
}
