package io.shoal.api.model;

import java.time.Instant;

/** A service as stored: its id, version, current spec and the spec before the last update. */
public record Service(String id, Version version, Instant createdAt, Instant updatedAt, ServiceSpec spec,
                      ServiceSpec previousSpec) {

    public Service withSpec(ServiceSpec next, Version v, Instant at) {
        return new Service(id, v, createdAt, at, next, spec);
    }
}
