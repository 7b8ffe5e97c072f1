/**
 * Shoal's scheduler: pure placement of tasks on nodes with Docker Swarm's semantics. {@link
 * io.shoal.scheduler.Scheduler#plan} takes a {@code view.ClusterView} snapshot and batches of identical
 * tasks ({@code view.PlacementRequest}) and returns a {@code plan.Plan} of placements and explained
 * unplaceable tasks. A {@link io.shoal.scheduler.SchedulingSession} places one batch with one pass of
 * the {@code filter/} pipeline over the nodes, then hands the tasks out through the {@code spread/}
 * preference tree in the {@code rank/} order. No Akka, no I/O, no clock: the same input and seed give
 * the same plan.
 */
package io.shoal.scheduler;
