/**
 * Placement preferences as a tree, after swarmkit's: {@link io.shoal.scheduler.spread.PreferenceParse}
 * reads {@code spread=node.labels.dc} descriptors, and {@link io.shoal.scheduler.spread.PreferenceTree}
 * groups a batch's eligible nodes level by level and hands out tasks so that sibling groups differ by
 * at most one task of the service while they have room, and nodes within a leaf follow the spread
 * order of {@code rank/}.
 */
package io.shoal.scheduler.spread;
