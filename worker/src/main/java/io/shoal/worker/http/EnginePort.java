package io.shoal.worker.http;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.content.Image;
import io.shoal.engine.image.ContainerConfig;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the node's Docker API needs from the node engine, and no more. Every method blocks (callers run it off
 * the HTTP threads) and reports a failure as an {@link io.shoal.api.error.ApiException} carrying Docker's status
 * (404 unknown container/image/volume, 409 conflict, 400 invalid). The adapter over the engine is
 * {@link EngineAdapter}; route tests use a fake.
 */
public interface EnginePort {

    /** A container to create: the engine's own config types, plus named volumes ({@code name → destination}). */
    record CreateSpec(String name, String image, ContainerConfig config, HostConfig host, Map<String, String> volumes) {
        public CreateSpec {
            volumes = volumes == null ? Map.of() : Map.copyOf(volumes);
        }
    }

    /** What the engine knows of one container. {@code state} is Docker's word (created, running, exited…). */
    record ContainerFacts(String id, String name, String image, String imageId, List<String> argv,
                          Map<String, String> labels, String state, int exitCode, boolean oomKilled, long pid,
                          Instant created, Instant startedAt, Instant finishedAt, List<MountFacts> mounts,
                          String health) {
        public ContainerFacts {
            argv = List.copyOf(argv);
            labels = Map.copyOf(labels);
            mounts = List.copyOf(mounts);
        }

        public boolean running() {
            return state.equals("running") || state.equals("paused");
        }
    }

    /** A bind or volume mount of a container; {@code volume} is the volume's name, null for a bind. */
    record MountFacts(String volume, String source, String destination, boolean readonly) { }

    /** One piece of a container's output: {@code stream} is {@code stdout} or {@code stderr}. */
    record LogLine(String stream, String text, Instant time) { }

    record ExecOutcome(int exitCode, String stdout, String stderr) { }

    record VolumeFacts(String name, String mountpoint) { }

    String create(CreateSpec spec);

    void start(String id);

    /** Stops with the container's stop signal, then SIGKILL after {@code timeout}; the exit code. */
    int stop(String id, Duration timeout);

    void kill(String id, String signal);

    void pause(String id);

    void unpause(String id);

    void remove(String id, boolean force);

    /** Completes with the exit code of the current run (at once when the container is not running). */
    CompletableFuture<Integer> waitForExit(String id);

    /** Feeds the container's output to {@code sink}; with {@code follow}, until the container has exited. */
    void logs(String id, boolean follow, Consumer<LogLine> sink);

    ExecOutcome exec(String id, List<String> argv, List<String> env);

    /** A container by id, unique id prefix or name. */
    ContainerFacts inspect(String idOrName);

    List<ContainerFacts> list(boolean all);

    List<Image> images();

    Optional<Image> image(String reference);

    /** Loads a {@code docker save} archive; the images it named. */
    List<Image> loadDockerArchive(InputStream archive);

    /** Gives the image {@code source} the extra name {@code target}. */
    void tag(String source, String target);

    /** Removes the name {@code reference}; true when it was a name of a stored image. */
    boolean untag(String reference);

    VolumeFacts createVolume(String name);

    Optional<VolumeFacts> volume(String name);

    List<VolumeFacts> volumes();

    void removeVolume(String name);

    /** Is the volume mounted by any container, running or not. */
    boolean volumeInUse(String name);
}
