/**
 * {@link io.shoal.testkit.sim.ClusterSimulation}: a seeded, in-memory cluster of thousands of fake
 * workers that runs the real scheduler step by step, the way Kafka's raft simulation and Nomad's
 * harness do. Random events change nodes and services, a small orchestrator keeps tasks in line with
 * services, and after every scheduling tick {@code Invariants} checks the plan against the
 * simulation's own reading of the rules: no over-commit, constraints and max-per-node respected,
 * spread within one task between eligible nodes and preference groups, every task placed or explained.
 */
package io.shoal.testkit.sim;
