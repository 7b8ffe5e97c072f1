/**
 * The host side of {@code shoal-bench converge}: starting and stopping a distribution's {@code shoald} by its
 * PID, building and unpacking the example busybox image, raw runc containers on overlay mounts of its rootfs,
 * counting running containers under a runc root, resident memory from /proc, and removing every container,
 * mount and directory the benchmark made.
 */
package io.shoal.bench.converge.linux;
