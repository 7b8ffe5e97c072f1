/**
 * The cluster state: an event-sourced behavior ({@link io.shoal.manager.state.ClusterState}) whose
 * commands are decided by the pure {@link io.shoal.manager.state.Decisions}, whose events
 * ({@link io.shoal.manager.state.ClusterEvent}) carry whole objects stamped with Docker's version
 * index, and whose {@link io.shoal.manager.state.State#apply} is shared by the command path and replay.
 * The journal is akka-persistence-jdbc (H2 file by default), protobuf-encoded, with snapshots. Observed
 * state enters through the dispatcher in batches ({@code ObserveTasks}: one persist for many task reports,
 * applied only when a state moves forward on the task's own node; {@code MarkNodesDown}).
 */
package io.shoal.manager.state;
