package io.shoal.api.model;

/**
 * An object's version, Docker's {@code Version.Index}: the index of the cluster-state event that last
 * changed it. An update must name the current index, or it is refused as stale.
 */
public record Version(long index) {
    public static final Version ZERO = new Version(0);
}
