package io.shoal.engine.exec;

import java.util.List;

/**
 * Docker's exec create: {@code argv}, extra {@code env} (over the container's), {@code user} as Docker takes it
 * ({@code name}, {@code uid}, {@code uid:gid}; empty: the container's), {@code workingDir} (empty: the
 * container's), {@code tty} (stderr then arrives on stdout) and whether stdin is attached.
 */
public record ExecRequest(List<String> argv, List<String> env, String user, String workingDir, boolean tty,
                          boolean attachStdin) {
    public ExecRequest {
        argv = argv == null ? List.of() : List.copyOf(argv);
        env = env == null ? List.of() : List.copyOf(env);
        user = user == null ? "" : user;
        workingDir = workingDir == null ? "" : workingDir;
    }

    public static ExecRequest of(List<String> argv) {
        return new ExecRequest(argv, List.of(), "", "", false, false);
    }

    public ExecRequest withEnv(List<String> value) {
        return new ExecRequest(argv, value, user, workingDir, tty, attachStdin);
    }

    public ExecRequest withUser(String value) {
        return new ExecRequest(argv, env, value, workingDir, tty, attachStdin);
    }

    public ExecRequest withWorkingDir(String value) {
        return new ExecRequest(argv, env, user, value, tty, attachStdin);
    }

    public ExecRequest withTty(boolean value) {
        return new ExecRequest(argv, env, user, workingDir, value, attachStdin);
    }

    public ExecRequest withStdin(boolean value) {
        return new ExecRequest(argv, env, user, workingDir, tty, value);
    }
}
