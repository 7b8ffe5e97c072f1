/**
 * Processes run inside a running container with {@code runc exec} (not under a monitor: an exec lives only as long as
 * its caller waits). Docker's exec records: create (argv, env over the container's, user resolved against the
 * container's own passwd/group, working dir, tty, stdin) → start once, blocking, with the caller's streams
 * ({@link io.shoal.engine.exec.ExecIo}: stdout and stderr apart; with a tty, util-linux {@code script} provides
 * the terminal and everything arrives on stdout) → inspect (running, exit code). Records are kept in memory and
 * dropped with their container. {@code ExecService.run} is the collected form used by health probes, with a
 * timeout after which the process is terminated.
 */
package io.shoal.engine.exec;
