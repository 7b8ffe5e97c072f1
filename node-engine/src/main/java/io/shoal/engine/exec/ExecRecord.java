package io.shoal.engine.exec;

/**
 * One exec as {@code docker exec inspect} shows it: {@code exitCode} is null until the process has exited;
 * {@code running} while it runs.
 */
public record ExecRecord(String id, String containerId, ExecRequest request, boolean running, Integer exitCode) {

    ExecRecord started() {
        return new ExecRecord(id, containerId, request, true, null);
    }

    ExecRecord finished(int code) {
        return new ExecRecord(id, containerId, request, false, code);
    }
}
