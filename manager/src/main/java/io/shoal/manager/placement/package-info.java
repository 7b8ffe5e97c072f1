/**
 * The manager's adapter around the pure scheduler module: node and task records become the scheduler's
 * snapshot, its plan becomes tasks assigned to nodes or pending with the scheduler's explanation.
 */
package io.shoal.manager.placement;
