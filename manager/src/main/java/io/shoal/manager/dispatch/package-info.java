/**
 * The managers' side of the workers: the {@link io.shoal.manager.dispatch.Dispatcher} (a Cluster Singleton
 * found through the Receptionist) keeps one {@link io.shoal.manager.dispatch.NodeSession} per worker,
 * sends each node its {@link io.shoal.manager.dispatch.AssignmentSet} (complete, then changes), turns
 * status reports into one cluster-state command per batch interval, and marks nodes down when their
 * heartbeats stop, which makes the replicated orchestrator replace their tasks elsewhere.
 */
package io.shoal.manager.dispatch;
