package io.shoal.engine.host;

import java.time.Duration;
import java.util.List;

/**
 * A process to run in a running container: argv, env added to the container's, {@code user} as {@code uid:gid}
 * (empty: the container's), {@code cwd} (empty: the container's), tty, and a {@code timeout} after which it is
 * terminated (null: none).
 */
public record ExecSpec(List<String> argv, List<String> env, String user, String cwd, boolean tty, Duration timeout) {
    public ExecSpec {
        argv = List.copyOf(argv);
        env = env == null ? List.of() : List.copyOf(env);
        user = user == null ? "" : user;
        cwd = cwd == null ? "" : cwd;
    }
}
