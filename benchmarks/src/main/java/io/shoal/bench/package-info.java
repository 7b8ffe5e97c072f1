/**
 * Benchmarks run as commands, never as tests: {@link io.shoal.bench.ShoalBench} is the {@code
 * shoal-bench} entry point, and each subsystem's harness and JMH benchmarks live in a package of their
 * own ({@code scheduler/}). Results are printed as {@code name=value} lines for the README.
 */
package io.shoal.bench;
