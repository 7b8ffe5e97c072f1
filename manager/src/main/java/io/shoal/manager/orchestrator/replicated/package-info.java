/**
 * Replicated services: one live task per slot, replaced when its spec is stale, its node is gone, drained
 * or down, or (as its restart policy says) when it ended on its own.
 */
package io.shoal.manager.orchestrator.replicated;
