/**
 * The worker agent: one actor per node ({@link io.shoal.worker.agent.WorkerAgent}) that finds the
 * dispatcher through the Receptionist, keeps a heartbeated session with it, passes assignments to the
 * task supervisor and reports task states in acknowledged batches; it reopens the session (and re-sends
 * what was not acknowledged) when the managers stop answering.
 */
package io.shoal.worker.agent;
