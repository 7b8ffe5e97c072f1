package io.shoal.engine.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The OCI runtime behind a per-container monitor: {@link #create} leaves the container created (its process
 * waiting for {@link #start}) under a monitor that outlives the engine, captures the output to {@code logFile}
 * and writes the exit code to {@code exitFile}. Adapter: linux/RuncRuntime (conmon + runc).
 */
public interface OciRuntime {

    /** What the monitor reports after create: the container's pid 1 and the monitor's own pid. */
    record Created(long pid, long monitorPid) { }

    record ExecResult(int exitCode, String stdout, String stderr) { }

    Created create(String id, Path bundle, Path logFile, Path exitDir, long logSizeMax) throws IOException;

    void start(String id) throws IOException;

    void kill(String id, String signal) throws IOException;

    void pause(String id) throws IOException;

    void resume(String id) throws IOException;

    /** Deletes the runtime's record of a stopped container (with {@code force}, a running one too). */
    void delete(String id, boolean force) throws IOException;

    /** {@code created}, {@code running}, {@code paused} or {@code stopped}; empty if the runtime has no such id. */
    Optional<String> status(String id) throws IOException;

    ExecResult exec(String id, List<String> argv, List<String> env) throws IOException;

    /** Completes when the monitor of that pid has exited (it has written the exit file by then). */
    CompletableFuture<Void> onMonitorExit(long monitorPid);
}
