package io.shoal.scheduler.rank;

import java.util.SplittableRandom;

/**
 * A seeded permutation of the nodes that breaks ties between equally loaded nodes. Each service sees
 * it rotated by an offset drawn from the seed and its id, so services that tie do not all start on the
 * same node, and the same seed and input always give the same plan.
 */
public final class TieBreak {
    private final long seed;
    private final int[] nodeAtRank;
    private final int[] rankOfNode;

    public TieBreak(int nodes, long seed) {
        if (nodes > NodeRank.MAX_NODES) {
            throw new IllegalArgumentException("too many nodes: " + nodes);
        }
        this.seed = seed;
        nodeAtRank = new int[nodes];
        rankOfNode = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            nodeAtRank[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = nodes - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = nodeAtRank[i];
            nodeAtRank[i] = nodeAtRank[j];
            nodeAtRank[j] = t;
        }
        for (int r = 0; r < nodes; r++) {
            rankOfNode[nodeAtRank[r]] = r;
        }
    }

    /** The rotation a service uses. */
    public int offsetFor(String serviceId) {
        if (nodeAtRank.length == 0) {
            return 0;
        }
        long h = (seed ^ serviceId.hashCode()) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return (int) Math.floorMod(h, (long) nodeAtRank.length);
    }

    public int rank(int node, int offset) {
        int r = rankOfNode[node] + offset;
        return r >= rankOfNode.length ? r - rankOfNode.length : r;
    }

    public int node(int rank, int offset) {
        int r = rank - offset;
        return nodeAtRank[r < 0 ? r + nodeAtRank.length : r];
    }
}
