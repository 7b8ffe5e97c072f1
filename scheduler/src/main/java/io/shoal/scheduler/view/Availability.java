package io.shoal.scheduler.view;

/** A node's availability as its operator set it: only {@code ACTIVE} nodes receive new tasks. */
public enum Availability {
    ACTIVE,
    PAUSE,
    DRAIN
}
