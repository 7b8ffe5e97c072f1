/**
 * The worker agent: one actor per node that keeps the managers informed about the node
 * ({@link io.shoal.worker.agent.WorkerAgent}). Task execution joins it when the node engine is wired in.
 */
package io.shoal.worker.agent;
