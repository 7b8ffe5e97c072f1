/**
 * The restart policy ({@link io.shoal.manager.orchestrator.restart.RestartPolicy}): pure decisions on
 * whether an ended task's slot is restarted and when its replacement may start, used by the replicated
 * orchestrator on every reconciliation.
 */
package io.shoal.manager.orchestrator.restart;
