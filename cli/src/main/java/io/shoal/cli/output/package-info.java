/**
 * What the commands print, with no I/O beyond a {@link java.io.PrintWriter}: docker-like aligned tables and
 * JSON lines ({@link io.shoal.cli.output.Listing}), the rows of {@code service ls}, {@code service ps} and
 * {@code node ls} built from Docker's JSON, and the {@code info} and {@code version} text. Kept apart from
 * the commands so that every layout is unit-tested from fixture JSON alone.
 */
package io.shoal.cli.output;
