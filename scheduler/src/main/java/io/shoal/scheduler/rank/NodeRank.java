package io.shoal.scheduler.rank;

/**
 * The order in which nodes receive a service's tasks, packed into one long so a heap of primitives
 * ranks them: nodes where the service recently failed last, then fewest tasks of the service, then
 * fewest tasks overall (Docker's spread), then a seeded tie-break rank that is unique per node.
 */
public final class NodeRank {
    private static final int RANK_BITS = 22;
    private static final int COUNT_BITS = 20;
    private static final long COUNT_MAX = (1L << COUNT_BITS) - 1;
    private static final long RANK_MASK = (1L << RANK_BITS) - 1;

    /** Largest cluster the packing supports. */
    public static final int MAX_NODES = 1 << RANK_BITS;

    private NodeRank() {}

    public static long key(boolean penalized, int serviceTasks, int totalTasks, int rank) {
        return (penalized ? 1L : 0L) << (2 * COUNT_BITS + RANK_BITS)
                | Math.min(serviceTasks, COUNT_MAX) << (COUNT_BITS + RANK_BITS)
                | Math.min(totalTasks, COUNT_MAX) << RANK_BITS
                | rank;
    }

    public static int rank(long key) {
        return (int) (key & RANK_MASK);
    }
}
