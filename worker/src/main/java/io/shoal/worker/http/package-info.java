/**
 * The Docker Engine API of this node: containers, exec, images and volumes, served by the node engine and mounted
 * by the manager's {@code DockerApi} under the same {@code /v1.NN} prefix, headers and error handling. Routes talk
 * to the engine only through {@link io.shoal.worker.http.EnginePort} (adapter: {@code EngineAdapter}), run its
 * blocking calls off the HTTP threads, and speak Docker's stream formats ({@link io.shoal.worker.http.RawStream}):
 * multiplexed frames for logs, and hijacked, upgraded connections for attach and exec.
 */
package io.shoal.worker.http;
