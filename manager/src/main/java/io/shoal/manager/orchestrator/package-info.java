/**
 * The orchestrators as one pure function ({@link io.shoal.manager.orchestrator.Orchestrator#reconcile}) of
 * services, tasks and nodes, run by the cluster state after every change and on a timer: the replicated
 * and global orchestrators decide which tasks should exist, the restart policy when ended ones come back,
 * the scheduler places the waiting ones, and the reaper retires the rest. Its answer is data, a
 * {@link io.shoal.manager.orchestrator.Reconciliation}, which the cluster state persists in the same batch.
 */
package io.shoal.manager.orchestrator;
