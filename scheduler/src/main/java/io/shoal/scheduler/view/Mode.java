package io.shoal.scheduler.view;

/**
 * How a service's tasks are placed: {@code REPLICATED} spreads a number of tasks over eligible nodes;
 * {@code GLOBAL} tasks are each bound to one node by the orchestrator, and the scheduler only checks
 * that the node can take it.
 */
public enum Mode {
    REPLICATED,
    GLOBAL
}
