/**
 * Processes run inside a running container ({@code runc exec}): Docker's exec records (create, start, inspect)
 * with argv, env, user, working dir and tty, output streamed to the caller and the exit code kept.
 */
package io.shoal.engine.exec;
