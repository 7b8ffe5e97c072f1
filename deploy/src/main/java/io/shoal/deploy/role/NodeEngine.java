package io.shoal.deploy.role;

import io.shoal.engine.Engine;
import io.shoal.worker.engine.EngineTaskRuntime;
import io.shoal.worker.task.TaskRuntime;
import io.shoal.worker.task.UnavailableRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This host's node engine, opened once per daemon under {@code DATA_ROOT/engine} and shared by everything
 * that runs containers here: the worker agent's tasks and the node's own container API. When it cannot be
 * opened (no runc, not root, an unreadable data root) the daemon still runs, and tasks sent here are
 * rejected with the reason.
 */
public final class NodeEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeEngine.class);

    private final Engine engine;
    private final String unavailable;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private NodeEngine(Engine engine, String unavailable) {
        this.engine = engine;
        this.unavailable = unavailable;
    }

    public static Path root(Path dataRoot) {
        return dataRoot.resolve("engine");
    }

    public static NodeEngine open(Path dataRoot, List<String> insecureRegistries) {
        Path root = root(dataRoot);
        try {
            Engine engine = Engine.open(Engine.Settings.defaults(root).withInsecureRegistries(insecureRegistries));
            LOG.info("node engine open root={}", root);
            return new NodeEngine(engine, null);
        } catch (Exception | LinkageError e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("node engine unavailable root={} error={}", root, why);
            return new NodeEngine(null, why);
        }
    }

    /** The engine, unless it could not be opened. */
    public Optional<Engine> engine() {
        return Optional.ofNullable(engine);
    }

    /** Stops watching containers; they keep running and the next daemon re-adopts them. */
    @Override
    public void close() {
        if (engine != null && closed.compareAndSet(false, true)) {
            engine.close();
        }
    }

    /** What the worker runs tasks with. */
    public TaskRuntime taskRuntime() {
        return engine != null ? new EngineTaskRuntime(engine) : new UnavailableRuntime(unavailable);
    }
}
