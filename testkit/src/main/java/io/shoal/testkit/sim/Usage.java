package io.shoal.testkit.sim;

import io.shoal.scheduler.view.PublishedPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the tasks on one node take, summed by the simulation itself (not by the scheduler). */
final class Usage {
    long nanoCpus;
    long memoryBytes;
    int tasks;
    long gpusWithoutId;
    final Map<String, Integer> perService = new HashMap<>();
    final Set<PublishedPort> ports = new HashSet<>();
    final Set<String> gpuIds = new HashSet<>();
    final List<String> problems = new java.util.ArrayList<>();

    void add(SimService s, Map<String, List<String>> generic) {
        nanoCpus += s.reservations.nanoCpus();
        memoryBytes += s.reservations.memoryBytes();
        tasks++;
        perService.merge(s.id, 1, Integer::sum);
        for (PublishedPort p : s.hostPorts) {
            if (!ports.add(p)) {
                problems.add("port " + p + " bound twice");
            }
        }
        long wantedGpus = s.reservations.generic().getOrDefault("gpu", 0L);
        List<String> ids = generic.getOrDefault("gpu", List.of());
        for (String id : ids) {
            if (!gpuIds.add(id)) {
                problems.add("gpu " + id + " given twice");
            }
        }
        gpusWithoutId += wantedGpus - ids.size();
    }

    int of(String serviceId) {
        return perService.getOrDefault(serviceId, 0);
    }
}
