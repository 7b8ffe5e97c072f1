/**
 * {@code shoal-bench engine}: the node engine's container lifecycle against raw {@code runc run} of the same rootfs
 * on the same machine, in one run: {@code /bin/true} create→start→exit→remove, many detached {@code sleep}
 * containers (time, monitor memory per container), and disk growth. Root only; host tools sit in {@code linux/}.
 */
package io.shoal.bench.engine;
