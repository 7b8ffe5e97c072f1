package io.shoal.worker.http;

import io.shoal.engine.content.ImageRemoval;
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
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the node's Docker API needs from the node engine, in the engine's own types. Every method blocks (the routes
 * call it off the HTTP threads) and reports a failure as an {@link io.shoal.api.error.ApiException} with Docker's
 * status (404 unknown container/image/volume, 409 conflict, 400 invalid, 501 not offered by the engine). Every
 * {@code id} also takes a unique id prefix or a container name. Adapter: {@link EngineAdapter}; tests use a fake.
 */
public interface EnginePort {

    String create(ContainerRequest request);

    void start(String id);

    /** Stop signal, then SIGKILL after {@code timeout}; the exit code. */
    int stop(String id, Duration timeout);

    void restart(String id, Duration timeout);

    void kill(String id, String signal);

    void pause(String id);

    void unpause(String id);

    /** With {@code removeVolumes} ({@code docker rm -v}), its anonymous volumes that no other container uses go too. */
    void remove(String id, boolean force, boolean removeVolumes);

    /** The container's health, empty when it has no health check. */
    Optional<HealthState> health(String id);

    /** Completes with the exit code of the current run; at once when the container is not running. */
    CompletableFuture<Integer> waitFor(String id);

    /** Docker's {@code next-exit}: the exit code of the current run, or of the next one when not running. */
    CompletableFuture<Integer> waitForNextExit(String id);

    /** {@code docker logs}: entries by stream, since/until and tail; with follow, until the container exits. */
    void logs(String id, LogQuery query, Consumer<LogEntry> sink);

    /**
     * Output of the current run (of the next one for a created container) from its start ({@code fromStart}) or
     * from now, until that run exits; returns at once for an exited container.
     */
    void attach(String id, boolean fromStart, Consumer<LogEntry> sink);

    /** Docker's exec create; the exec's id. */
    String execCreate(String containerId, ExecRequest request);

    /** Runs the exec with its streams; blocks until it exits; its exit code. Once per exec. */
    int execStart(String execId, ExecIo io);

    ExecRecord execInspect(String execId);

    ContainerRecord inspect(String id);

    /** Running and paused containers, or with {@code all} every one; newest first. */
    List<ContainerRecord> list(boolean all);

    List<Image> images();

    Optional<Image> image(String reference);

    /** Loads a {@code docker save} archive; the images it held. */
    List<Image> loadDockerArchive(InputStream archive);

    /**
     * {@code docker save}: writes one archive (OCI layout plus Docker's manifest.json) of every image the names
     * stand for to {@code out}; an unknown name fails (404) before anything is written.
     */
    void save(List<String> names, java.io.OutputStream out);

    /**
     * {@code docker image prune}: removes dangling images (with {@code all}, every image) that no container uses
     * and {@code which} accepts.
     */
    io.shoal.engine.content.ImagePrune pruneImages(boolean all, java.util.function.Predicate<Image> which);

    /** Gives the image {@code source} the extra name {@code target}. */
    void tag(String source, String target);

    /**
     * Removes the name {@code reference} from its image (and the image from disk when no name or container holds it
     * any more); refused (409) while a container uses the image, unless {@code force}.
     */
    ImageRemoval untag(String reference, boolean force);

    /** Creates a local volume (null name: an anonymous one) or returns the existing one of that name. */
    Volume createVolume(String name, Map<String, String> labels);

    List<Volume> volumes();

    Volume volume(String name);

    void removeVolume(String name, boolean force);

    /** Removes unused anonymous volumes (with {@code all}, unused named ones too); their names. */
    List<String> pruneVolumes(boolean all, java.util.function.Predicate<Volume> which);
}
