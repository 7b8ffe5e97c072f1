package io.shoal.api.model;

import java.util.List;

/**
 * CPU (in units of 1e-9 CPUs), memory (bytes) and generic resources: what a node offers, or what a task
 * reserves.
 */
public record ResourceObject(Long nanoCpus, Long memoryBytes, List<GenericResource> genericResources) {

    public static final ResourceObject NONE = new ResourceObject(null, null, null);

    public long cpus() {
        return nanoCpus == null ? 0 : nanoCpus;
    }

    public long memory() {
        return memoryBytes == null ? 0 : memoryBytes;
    }

    /** A named ({@code ssd=uuid}) or discrete ({@code gpu=2}) resource; exactly one of the two is set. */
    public record GenericResource(NamedResourceSpec namedResourceSpec, DiscreteResourceSpec discreteResourceSpec) {}

    public record NamedResourceSpec(String kind, String value) {}

    public record DiscreteResourceSpec(String kind, Long value) {}
}
