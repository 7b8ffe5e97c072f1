package io.shoal.net.host;

import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.NetnsName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies link changes to a host; the planner decides them. An adapter may keep resources between calls (a netlink
 * socket inside a namespace): {@link #close} lets them go; most keep nothing.
 */
public interface Links extends AutoCloseable {

    /**
     * Applies the changes in order. Removals are idempotent (a link already gone is fine);
     * an addition that fails throws {@link PermanentNetworkException} or {@link TransientNetworkException}.
     */
    void apply(List<LinkChange> changes);

    /** The names of the links in a namespace (empty: the host's own), for checks and reconciliation. */
    Set<IfName> links(Optional<NetnsName> netns);

    /** Lets go of what the adapter keeps between calls (never the links themselves); nothing by default. */
    @Override
    default void close() {
    }
}
