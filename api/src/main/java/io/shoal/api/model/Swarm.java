package io.shoal.api.model;

import java.time.Instant;
import java.util.Map;

/** The cluster itself, once initialised: its id, settings and join tokens. */
public record Swarm(String id, Version version, Instant createdAt, Instant updatedAt, Spec spec,
                    JoinTokens joinTokens) {

    public record Spec(String name, Map<String, String> labels, Long taskHistoryRetentionLimit,
                       Long heartbeatPeriod) {}

    public record JoinTokens(String worker, String manager) {}
}
