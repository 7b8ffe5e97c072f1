/**
 * The node engine: one host's images, containers, volumes, logs and exec, behind the single facade
 * {@link io.shoal.engine.Engine} that the worker agent and the node's Docker HTTP API call. Every facade method is
 * blocking and thread-safe and fails with an {@link io.shoal.engine.EngineException} whose kind maps to Docker's
 * status (NOT_FOUND 404, CONFLICT 409, INVALID 400, INTERNAL 500). Container ids are 64 hex characters; every
 * method that takes one also takes a unique prefix (3+ characters) or the container's name.
 *
 * <p>Layout under the engine's root: {@code content/} (blobs by sha256), {@code layers/} (each layer unpacked once),
 * {@code images.json} (names → manifests), {@code containers/<id>/} ({@code container.json}, {@code config.json}
 * (the OCI spec, written at create), {@code upper/}, {@code work/}, {@code container.log}; on ext4 {@code containers/}
 * carries the top-directory flag, so each container's directory and its files get a block group of their own),
 * {@code exits/} (exit
 * codes the monitors write), {@code bin/} (the monitor binary), {@code volumes/<name>/_data}, and {@code run/}, a
 * tmpfs the engine mounts (unless it is on one already) for what matters only while containers run:
 * {@code run/runc/} (runc's state root) and {@code run/bundles/<id>/} (a copy of config.json and the {@code rootfs}
 * mount point, where a container's monitor mounts the overlay in a mount namespace of its own for runc, which
 * leaves it only in the container's; pidfile, oom, monitor.err), made again at every start. Closing an engine
 * under which no container runs unmounts it. Containers an earlier engine started keep their bundle in
 * {@code containers/<id>/bundle/} and runc's state in {@code runc/} until their next start. The engine writes
 * {@code container.json} atomically after every transition, so a new engine on the same root (after a crash of
 * the daemon) re-adopts running containers from it and from their monitors.
 *
 * <p>Ports and adapters: the logic ({@code image}, {@code bundle}, {@code container}'s planning, {@code health})
 * is pure; the host is reached only through {@code host/} interfaces, implemented in {@code linux/} (runc under a
 * per-container monitor, mount(2) through JNA, libc file attributes).
 */
package io.shoal.engine;
