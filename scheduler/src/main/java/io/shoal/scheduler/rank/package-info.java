/**
 * Ranking of eligible nodes, separate from filtering: {@link io.shoal.scheduler.rank.NodeRank} packs
 * Docker's spread order (recent failures of the service last, then fewest tasks of the service, then
 * fewest tasks overall) with a seeded {@link io.shoal.scheduler.rank.TieBreak} into one long, and {@link
 * io.shoal.scheduler.rank.LongHeap} orders those keys without boxing, so a batch of n tasks on E nodes
 * costs O(E + n log E).
 */
package io.shoal.scheduler.rank;
