package io.shoal.scheduler.spread;

import io.shoal.scheduler.rank.LongHeap;
import java.util.Arrays;
import java.util.List;

/**
 * The eligible nodes of one batch grouped by each placement preference in turn (nodes missing the
 * label form one group, ordered last), with a heap of ranked nodes at each leaf. Each task goes down
 * the tree to the child with the fewest tasks of the service among those with room left, so groups
 * stay within one task of each other, and then to the best node of that leaf. Without preferences the
 * tree is a single leaf.
 */
public final class PreferenceTree {
    private final Branch root;

    /** A group of nodes: tasks of the service in it, room left, and children or a heap of nodes. */
    private static final class Branch {
        long tasks;
        long room;
        Branch[] children;
        LongHeap heap;
    }

    /** What the tree needs to know about one eligible node. */
    public interface Members {
        int serviceTasks(int node);

        int capacity(int node);

        long key(int node);
    }

    private PreferenceTree(Branch root) {
        this.root = root;
    }

    /** Builds the tree over {@code eligible[0..count)}, one {@link Grouping} per preference level. */
    public static PreferenceTree build(List<Grouping> levels, int[] eligible, int count, Members members) {
        return new PreferenceTree(branch(levels, 0, Arrays.copyOf(eligible, count), members));
    }

    private static Branch branch(List<Grouping> levels, int level, int[] nodes, Members m) {
        Branch b = new Branch();
        for (int n : nodes) {
            b.tasks += m.serviceTasks(n);
            b.room += m.capacity(n);
        }
        if (level == levels.size()) {
            b.heap = new LongHeap(nodes.length);
            for (int n : nodes) {
                b.heap.addUnordered(m.key(n));
            }
            b.heap.heapify();
            return b;
        }
        Grouping grouping = levels.get(level);
        int[] sizes = new int[grouping.groups()];
        for (int n : nodes) {
            sizes[grouping.groupOf(n)]++;
        }
        int[][] members = new int[sizes.length][];
        int present = 0;
        for (int g = 0; g < sizes.length; g++) {
            if (sizes[g] > 0) {
                members[g] = new int[sizes[g]];
                present++;
            }
        }
        int[] filled = new int[sizes.length];
        for (int n : nodes) {
            int g = grouping.groupOf(n);
            members[g][filled[g]++] = n;
        }
        b.children = new Branch[present];
        int i = 0;
        for (int[] group : members) {
            if (group != null) {
                b.children[i++] = branch(levels, level + 1, group, m);
            }
        }
        return b;
    }

    public boolean hasRoom() {
        return root.room > 0;
    }

    /**
     * Picks the leaf for the next task and counts the task on the way down; the caller must poll that
     * heap and place the task on the node it yields. Requires {@link #hasRoom()}.
     */
    public LongHeap nextLeaf() {
        Branch b = root;
        while (true) {
            b.room--;
            b.tasks++;
            if (b.children == null) {
                return b.heap;
            }
            Branch best = null;
            for (Branch c : b.children) {
                if (c.room > 0 && (best == null || c.tasks < best.tasks)) {
                    best = c;
                }
            }
            b = best;
        }
    }
}
