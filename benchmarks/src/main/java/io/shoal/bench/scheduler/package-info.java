/**
 * Scheduler benchmarks: {@link io.shoal.bench.scheduler.SyntheticCluster} builds a seeded, realistic
 * cluster and workload; {@link io.shoal.bench.scheduler.SchedulerCommand} places it and prints
 * placements per second and batch latency percentiles; {@link
 * io.shoal.bench.scheduler.SchedulerBenchmark} is the JMH matrix by scale (nodes × tasks × shape).
 */
package io.shoal.bench.scheduler;
