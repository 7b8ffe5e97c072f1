package io.shoal.net.plan;

import java.util.Optional;

/**
 * One run of a host tool over stdin: {@code ip [-n NETNS] [-force] -batch -} or
 * {@code bridge [-force] -batch -}. {@code bestEffort} batches are removals that may find the
 * object already gone (-force: keep going past errors).
 */
public record Batch(Tool tool, Optional<NetnsName> netns, boolean bestEffort, String text) {

    public enum Tool { IP, BRIDGE }
}
