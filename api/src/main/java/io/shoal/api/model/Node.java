package io.shoal.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * A host in the cluster: what the operator set ({@link Spec}), what the node reported
 * ({@link Description}) and what the managers observe ({@link Status}).
 */
public record Node(String id, Version version, Instant createdAt, Instant updatedAt, Spec spec,
                   Description description, Status status, ManagerStatus managerStatus) {

    public Node withSpec(Spec s, Version v, Instant at) {
        return new Node(id, v, createdAt, at, s, description, status, managerStatus);
    }

    public Node withDescription(Description d, Status st, Version v, Instant at) {
        return new Node(id, v, createdAt, at, spec, d, st, managerStatus);
    }

    public boolean isReady() {
        return status != null && "ready".equals(status.state());
    }

    /** {@code role} is {@code worker|manager}; {@code availability} is {@code active|pause|drain}. */
    public record Spec(String name, Map<String, String> labels, String role, String availability) {}

    public record Description(String hostname, Platform platform, ResourceObject resources, Engine engine) {}

    public record Engine(String engineVersion, Map<String, String> labels) {}

    /** {@code state} is {@code unknown|down|ready|disconnected}. */
    public record Status(String state, String message, String addr) {}

    public record ManagerStatus(Boolean leader, String reachability, String addr) {}
}
