/**
 * Adapters to this Linux host, the only code that starts processes or calls libc: runc run under the engine's
 * own {@code shoal-monitor} (C, {@code src/main/c}, built into this jar and copied out by {@code MonitorBinary};
 * one static process per container, forked away so containers outlive the daemon, writing the container's output
 * and exit code to files; spawned by posix_spawn with the engine's pipe as its sync fd 3), one
 * inotify watch on the shared exit directory ({@code ExitWatcher}: an exit is recorded within a millisecond, a
 * monitor killed without writing its file is found by a one-second sweep and recorded as code -1), overlayfs
 * mounts by mount(2) through JNA, the file attributes layer unpacking needs (mknod, lchown, the overlay opaque
 * xattr), and the daemon's own hard rlimits (the ceiling of every container's ulimits).
 */
package io.shoal.engine.linux;
