package io.shoal.worker.http;

import io.shoal.api.error.ApiException;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's {@code HostConfig.AutoRemove} ({@code docker run --rm}): once the container's run has ended and every
 * attached client has its output, the container is removed. A marker file per container keeps the promise across a
 * restart of the daemon: what ended meanwhile is removed at startup, what still runs is watched again.
 */
final class AutoRemover {
    private static final Logger LOG = LoggerFactory.getLogger(AutoRemover.class);
    private final EnginePort engine;
    private final ContainerEvents events;
    private final Path dir;
    private final Executor executor;

    AutoRemover(EnginePort engine, ContainerEvents events, Path dir, Executor executor) {
        this.engine = engine;
        this.events = events;
        this.dir = dir;
        this.executor = executor;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    boolean enabled(String id) {
        return Files.exists(dir.resolve(id));
    }

    /** Marks a new container for removal after its first run; removal is armed by {@link #watch}. */
    void mark(String id) {
        try {
            Files.writeString(dir.resolve(id), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + id + " for removal", e);
        }
        watch(id);
    }

    /** At startup: the containers marked for removal, removed or watched again. */
    void resume() {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String id = p.getFileName().toString();
                try {
                    ContainerRecord c = engine.inspect(id);
                    if (c.state() == State.EXITED && c.run().finishedAt() != null) {
                        executor.execute(() -> remove(id));
                    } else {
                        watch(id);
                    }
                } catch (ApiException gone) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    void forget(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id));
        } catch (IOException e) {
            LOG.warn("cannot delete auto-remove marker of {}", id, e);
        }
    }

    private void watch(String id) {
        engine.waitForNextExit(id)
                .thenCompose(code -> events.attachmentsDone(id))
                .thenRunAsync(() -> remove(id), executor);
    }

    private void remove(String id) {
        try {
            engine.remove(id, true, true);
        } catch (ApiException e) {
            if (e.status() != 404) {
                LOG.warn("auto-remove of {} failed: {}", id, e.getMessage());
                return;
            }
        }
        forget(id);
        events.removed(id);
    }
}
