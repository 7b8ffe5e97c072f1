package io.shoal.engine.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The OCI runtime behind a per-container monitor: {@link #run} starts the container under a monitor that outlives
 * the engine, writes the container's output to {@code logFile} and records how the run ended, so that
 * {@link #exit} can report it even to a later engine.
 * Adapter: linux/RuncRuntime (runc under the engine's shoal-monitor).
 */
public interface OciRuntime {

    /** What the monitor reports once the container runs: the container's pid 1 and the monitor's own pid. */
    record Created(long pid, long monitorPid) { }

    /** How a run ended: the exit code (-1 when the monitor died without recording it) and whether OOM killed it. */
    record Exit(int code, boolean oomKilled) { }

    /** The exit code an exec reports when it was terminated at its timeout. */
    int EXEC_TIMED_OUT = -1;

    /**
     * Starts the bundle's process under a new monitor (create and start in one step, as {@code runc run} does:
     * nothing needs the created-but-not-started state). The monitor mounts {@code rootfs} in a mount namespace of
     * its own, so the host's mount table does not grow by a mount per running container (every runc start copies
     * that table into the container's namespace); the mount goes with the monitor. With {@code tty}, the monitor
     * gives the container a terminal and logs it as stdout.
     */
    Created run(String id, Path bundle, OverlayRootfs rootfs, Path logFile, long logSizeMax, boolean tty)
            throws IOException;

    void kill(String id, String signal) throws IOException;

    void pause(String id) throws IOException;

    void resume(String id) throws IOException;

    /** Forgets a container (killing it first if it still runs) and its last exit record; no error if unknown. */
    void delete(String id) throws IOException;

    /** {@code created}, {@code running}, {@code paused} or {@code stopped}; empty if the runtime has no such id. */
    Optional<String> status(String id) throws IOException;

    /**
     * Runs a process in the running container {@code id}, copying {@code stdin} (may be null) to it and its output
     * to {@code stdout}/{@code stderr} as it comes; blocks until it exits and returns its exit code
     * ({@link #EXEC_TIMED_OUT} if {@code spec.timeout()} passed first and it was terminated).
     */
    int exec(String id, ExecSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException;

    /**
     * Completes when the run of {@code id} under the monitor {@code monitorPid} has ended — at once if it already
     * has, also when the run started under an earlier engine.
     */
    CompletableFuture<Exit> exit(String id, Path bundle, long monitorPid);

    /** Stops watching for exits (containers keep running). */
    void close();
}
