package io.shoal.scheduler.view;

import java.util.Locale;

/** A node's role, matched by the {@code node.role} constraint. */
public enum NodeRole {
    MANAGER,
    WORKER;

    /** The lower-case name used in constraints: {@code manager} or {@code worker}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
