/**
 * The Docker Engine API's swarm subset over Akka HTTP: {@code /_ping}, {@code /version}, {@code /info},
 * {@code /swarm}, {@code /services}, {@code /tasks} and {@code /nodes}, with or without a {@code /v1.NN}
 * prefix. Bodies are the model's records rendered with Docker's field names ({@link
 * io.shoal.manager.http.docker.DockerJson}); reads come from a snapshot of the cluster state and writes
 * are commands to it, so the unmodified {@code docker} CLI drives a Shoal manager.
 */
package io.shoal.manager.http.docker;
