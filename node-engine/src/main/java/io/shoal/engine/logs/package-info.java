/**
 * Container output. On disk it is CRI's k8s-file format ({@code <RFC3339Nano> <stream> <F|P> <text>}), written by the
 * container's monitor even while no engine runs, capped at the container's {@code logSizeMax} (engine default
 * 10 MiB): at the cap the monitor starts the file afresh, like Docker's json-file with {@code max-file=1}. A restart
 * keeps the previous run's file as {@code container.log.1}. The engine reads the files back as Docker json-file
 * entries ({@code {"log","stream","time"}}) filtered by a {@link io.shoal.engine.logs.LogQuery} (streams,
 * since/until, tail) and follows the live file across growth and rotation until the container exits. Attach is
 * output-only: the same follow, from the first line or from now, until the run exits.
 */
package io.shoal.engine.logs;
