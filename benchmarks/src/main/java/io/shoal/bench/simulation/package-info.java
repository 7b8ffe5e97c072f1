/**
 * The cluster simulation as a command: {@link io.shoal.bench.simulation.SimulateCommand} runs testkit's
 * seeded {@code ClusterSimulation} at tens of thousands of nodes and steps, with every invariant
 * checked after every step, and reports sizes, event counts and speed.
 */
package io.shoal.bench.simulation;
