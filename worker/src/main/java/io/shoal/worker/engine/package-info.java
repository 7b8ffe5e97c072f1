/**
 * The adapter from the worker's {@link io.shoal.worker.task.TaskRuntime} port to this host's node engine
 * ({@link io.shoal.worker.engine.EngineTaskRuntime}): task containers become engine containers named and
 * labelled as Swarm's, so a restarted worker finds them again by their task-id label.
 */
package io.shoal.worker.engine;
