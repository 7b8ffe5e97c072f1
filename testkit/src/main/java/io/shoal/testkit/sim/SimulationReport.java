package io.shoal.testkit.sim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulation run did and found: final sizes, how many placements and explanations the
 * scheduler produced, how often each event happened, and every invariant violation (empty when the
 * scheduler is right).
 */
public record SimulationReport(
        long seed,
        int steps,
        int nodes,
        int services,
        int runningTasks,
        int pendingTasks,
        long placements,
        long explanations,
        Map<String, Integer> events,
        List<Violation> violations) {

    public SimulationReport {
        events = Collections.unmodifiableMap(new TreeMap<>(events));
        violations = List.copyOf(violations);
    }
}
