/**
 * The API benchmark: persisted service updates per second and request latency against a running
 * manager, run as {@code shoal-bench api}.
 */
package io.shoal.bench.api;
