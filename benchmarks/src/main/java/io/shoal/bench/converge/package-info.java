/**
 * {@code shoal-bench converge}: how long one real {@code shoald} takes, through the Docker API, to bring a
 * replicated service to N running containers, scale it, and remove it, against starting and removing the same
 * containers with raw runc on the same host, plus the memory each running task costs. The host side (the
 * daemon process, runc, overlay mounts, /proc) lives in {@code linux}; this package holds the options, the
 * API client and the timing of each phase.
 */
package io.shoal.bench.converge;
