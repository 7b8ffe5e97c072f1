/**
 * What the scheduler reads: the per-tick snapshot the manager builds ({@link
 * io.shoal.scheduler.view.ClusterView} of {@link io.shoal.scheduler.view.NodeView} records, indexed once
 * by node id and by service) and the batches it asks to place ({@link
 * io.shoal.scheduler.view.PlacementRequest}). These records are Shoal's scheduler vocabulary, separate
 * from the api model so the manager maps onto them at one seam. {@link io.shoal.scheduler.view.NodeInfo}
 * is the only mutable type: a node plus what the current plan has already put on it, so the checks of
 * later batches stay constant-time and see earlier placements.
 */
package io.shoal.scheduler.view;
