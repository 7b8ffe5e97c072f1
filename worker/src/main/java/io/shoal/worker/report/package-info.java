/**
 * What a worker reports to the managers: task state changes from the runners
 * ({@link io.shoal.worker.report.TaskStatusChanged}), coalesced per task and sent in acknowledged
 * batches ({@link io.shoal.worker.report.StatusBatch}). The node's description goes with each session.
 */
package io.shoal.worker.report;
