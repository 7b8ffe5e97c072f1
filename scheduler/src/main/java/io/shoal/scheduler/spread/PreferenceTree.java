package io.shoal.scheduler.spread;

import io.shoal.scheduler.constraint.NodeAttribute;
import io.shoal.scheduler.rank.LongHeap;
import io.shoal.scheduler.view.NodeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The eligible nodes of one batch grouped by each placement preference in turn (nodes missing the
 * label form one group, ordered last), with a heap of ranked nodes at each leaf. Each task goes down
 * the tree to the child with the fewest tasks of the service among those with room left, so groups
 * stay within one task of each other, and then to the best node of that leaf. Without preferences the
 * tree is a single leaf.
 */
public final class PreferenceTree {
    private static final Comparator<String> VALUES = Comparator.nullsLast(Comparator.naturalOrder());

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
        NodeView view(int node);

        int serviceTasks(int node);

        int capacity(int node);

        long key(int node);
    }

    private PreferenceTree(Branch root) {
        this.root = root;
    }

    /** Builds the tree over {@code eligible[0..count)}. */
    public static PreferenceTree build(List<NodeAttribute> levels, int[] eligible, int count, Members members) {
        int[] nodes = java.util.Arrays.copyOf(eligible, count);
        return new PreferenceTree(branch(levels, 0, nodes, members));
    }

    private static Branch branch(List<NodeAttribute> levels, int level, int[] nodes, Members m) {
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
        NodeAttribute attribute = levels.get(level);
        Map<String, List<Integer>> groups = new TreeMap<>(VALUES);
        for (int n : nodes) {
            groups.computeIfAbsent(attribute.valueOf(m.view(n)), k -> new ArrayList<>()).add(n);
        }
        b.children = new Branch[groups.size()];
        int i = 0;
        for (List<Integer> g : groups.values()) {
            b.children[i++] = branch(levels, level + 1, g.stream().mapToInt(Integer::intValue).toArray(), m);
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
