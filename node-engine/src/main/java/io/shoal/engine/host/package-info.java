/**
 * Ports: the narrow interfaces through which the engine touches the host (file attributes only root may set, mounts, the OCI runtime, processes). Adapters live in {@code linux/}; fakes and contract tests in the tests.
 */
package io.shoal.engine.host;
