/**
 * Filters decide whether a node can take one more task of a batch, shaped like swarmkit's: each {@link
 * io.shoal.scheduler.filter.NodeFilter} says whether it applies, whether a node passes and how to
 * explain how many nodes it rejected. {@link io.shoal.scheduler.filter.FilterPipeline} runs them in
 * Docker's order and builds the message a pending task shows ({@code no suitable node (insufficient
 * resources on 2 nodes; scheduling constraints not satisfied on 3 nodes)}). {@link
 * io.shoal.scheduler.filter.Demand} is the batch compiled for the filters; its capacity check says how
 * many tasks of the batch a node can still take, so a batch needs one pass over the nodes.
 */
package io.shoal.scheduler.filter;
