package io.shoal.scheduler.constraint;

import io.shoal.scheduler.view.NodeView;

/**
 * One parsed constraint such as {@code node.labels.dc==east}. Values compare without regard to case,
 * as Docker's do; a node without the label fails {@code ==} and satisfies {@code !=}.
 */
public record Constraint(NodeAttribute attribute, boolean equal, String value) {

    public boolean matches(NodeView node) {
        String actual = attribute.valueOf(node);
        boolean same = actual != null && actual.equalsIgnoreCase(value);
        return same == equal;
    }
}
