package io.shoal.engine.container;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.image.ConfigMerge;
import io.shoal.engine.image.ContainerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine keeps about one container, on disk as {@code container.json} beside its bundle, so a restarted
 * engine can re-adopt it: what was asked ({@code config}, {@code host} with volume binds resolved), what it
 * resolved to with the image ({@code resolved}: argv, env, labels…), its mounts, and the current run.
 */
public record ContainerRecord(String id, String name, String image, String imageId, Instant created,
                              ContainerConfig config, HostConfig host, ConfigMerge.Resolved resolved,
                              List<MountPoint> mounts, boolean tty, boolean openStdin, Duration stopTimeout,
                              long logSizeMax, String logPath, Run run) {

    /**
     * The current (or last) run. {@code monitorPid} is the monitor of the current run, 0 when not running;
     * {@code exitCode} -1 means the exit code was lost; {@code error} is why the last start failed, if it did.
     */
    public record Run(State state, int exitCode, boolean oomKilled, long pid, long monitorPid, Instant startedAt,
                      Instant finishedAt, String error, int restartCount) {
        public Run {
            error = error == null ? "" : error;
        }

        static Run created() {
            return new Run(State.CREATED, 0, false, 0, 0, null, null, "", 0);
        }
    }

    public ContainerRecord {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    public State state() {
        return run.state();
    }

    public int exitCode() {
        return run.exitCode();
    }

    public boolean oomKilled() {
        return run.oomKilled();
    }

    public long pid() {
        return run.pid();
    }

    public List<String> argv() {
        return resolved.argv();
    }

    public Map<String, String> labels() {
        return resolved.labels();
    }

    public String stopSignal() {
        return resolved.stopSignal();
    }

    /** Named volumes this container mounts (it keeps them in use until it is removed). */
    public List<String> volumeNames() {
        return mounts.stream().filter(m -> m.type().equals("volume")).map(MountPoint::name).toList();
    }

    public ContainerRecord withRun(Run next) {
        return new ContainerRecord(id, name, image, imageId, created, config, host, resolved, mounts, tty, openStdin,
                stopTimeout, logSizeMax, logPath, next);
    }

    ContainerRecord running(long newPid, long monitor, Instant at, boolean restart) {
        return withRun(new Run(State.RUNNING, 0, false, newPid, monitor, at, null, "",
                run.restartCount() + (restart ? 1 : 0)));
    }

    ContainerRecord exited(int code, boolean oom, Instant at) {
        return withRun(new Run(State.EXITED, code, oom, 0, 0, run.startedAt(), at, run.error(), run.restartCount()));
    }

    ContainerRecord failed(String error, Instant at) {
        return withRun(new Run(State.EXITED, 128, false, 0, 0, run.startedAt(), at, error, run.restartCount()));
    }

    ContainerRecord withState(State next) {
        return withRun(new Run(next, run.exitCode(), run.oomKilled(), run.pid(), run.monitorPid(), run.startedAt(),
                run.finishedAt(), run.error(), run.restartCount()));
    }
}
