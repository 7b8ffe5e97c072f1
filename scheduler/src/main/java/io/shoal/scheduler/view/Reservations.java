package io.shoal.scheduler.view;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one task reserves on its node: CPU in nano-CPUs (10^9 = one core), memory in bytes and generic
 * resources by kind ({@code gpu=2}); a generic kind is satisfied by a node's discrete count or by its
 * named resources of that kind (each name given to one task).
 */
public record Reservations(long nanoCpus, long memoryBytes, Map<String, Long> generic) {

    public static final Reservations NONE = new Reservations(0, 0, Map.of());

    public Reservations {
        if (nanoCpus < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("negative reservation");
        }
        generic = Collections.unmodifiableMap(new TreeMap<>(generic));
        for (long v : generic.values()) {
            if (v <= 0) {
                throw new IllegalArgumentException("generic resource count must be positive");
            }
        }
    }

    public static Reservations of(long nanoCpus, long memoryBytes) {
        return new Reservations(nanoCpus, memoryBytes, Map.of());
    }

    public Reservations withGeneric(String kind, long count) {
        Map<String, Long> g = new TreeMap<>(generic);
        g.put(kind, count);
        return new Reservations(nanoCpus, memoryBytes, g);
    }

    public boolean isEmpty() {
        return nanoCpus == 0 && memoryBytes == 0 && generic.isEmpty();
    }
}
