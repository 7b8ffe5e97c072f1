package io.shoal.scheduler.spread;

import io.shoal.scheduler.constraint.NodeAttribute;
import io.shoal.scheduler.view.NodeView;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Every node's group for one preference attribute, computed once per plan: groups are numbered in
 * the order of their values, with nodes missing the attribute in one last group. Labels do not change
 * during a plan, so batches only read this array.
 */
public final class Grouping {
    private static final Comparator<String> VALUES = Comparator.nullsLast(Comparator.naturalOrder());

    private final int[] groupOf;
    private final int groups;

    private Grouping(int[] groupOf, int groups) {
        this.groupOf = groupOf;
        this.groups = groups;
    }

    public static Grouping of(NodeAttribute attribute, List<NodeView> nodes) {
        String[] values = new String[nodes.size()];
        TreeMap<String, Integer> ids = new TreeMap<>(VALUES);
        for (int i = 0; i < values.length; i++) {
            values[i] = attribute.valueOf(nodes.get(i));
            ids.put(values[i], 0);
        }
        int next = 0;
        for (var e : ids.entrySet()) {
            e.setValue(next++);
        }
        int[] groupOf = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            groupOf[i] = ids.get(values[i]);
        }
        return new Grouping(groupOf, next);
    }

    public int groupOf(int node) {
        return groupOf[node];
    }

    public int groups() {
        return groups;
    }
}
