/**
 * The Docker Engine API of this node: containers, exec, images and volumes over the node engine, mounted by the
 * manager's {@code DockerApi} under the same {@code /v1.NN} prefix, headers and error format. Routes reach the
 * engine only through {@link io.shoal.worker.http.EnginePort} (adapter {@link io.shoal.worker.http.EngineAdapter};
 * registry transfers through {@link io.shoal.worker.http.ImageTransfer}) and run its blocking calls on a pool of
 * their own. What Docker promises beyond the engine lives here: {@code AutoRemove} ({@code --rm}) after attached
 * clients have the output, {@code wait?condition=removed}, {@code start -a} of an exited container, and Docker's
 * JSON shapes. Streams use Docker's formats ({@link io.shoal.worker.http.RawStream}): multiplexed frames for logs,
 * and for attach and exec start the connection is hijacked (101, then raw bytes both ways) through Akka HTTP's
 * internal protocol switch, which also survives the client's half-close.
 */
package io.shoal.worker.http;
