/**
 * The typed HTTP client of the Docker Engine API's swarm subset, as a Shoal manager serves it:
 * {@link io.shoal.cli.client.DaemonAddress} parses {@code -H}, {@link io.shoal.cli.client.EngineClient}
 * negotiates the API version through {@code /_ping} and sends requests, and {@link io.shoal.cli.client.SwarmApi}
 * names the calls the commands make. Failures are classified here, once: {@link io.shoal.cli.client.DaemonError}
 * when the daemon refused (exit 1), {@link io.shoal.cli.client.DaemonUnreachable} when nothing answered (exit 3).
 * Documents stay Jackson trees so that read-modify-write loses no field the CLI does not know.
 */
package io.shoal.cli.client;
