package io.shoal.manager.dispatch;

import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each node is told to hold: every task placed on it that a worker has to act on (assigned or later).
 * That is more than the tasks desired {@code running}: a task desired {@code shutdown} stays in the set so
 * the worker stops it, and a task leaves the set only when it is deleted, which tells the worker to remove
 * its container (Swarm's assignment semantics). Pure: one pass over a snapshot.
 */
public final class AssignmentSet {
    private AssignmentSet() {}

    public static Map<String, List<AssignedTask>> byNode(StateSnapshot s) {
        Map<String, String> names = new HashMap<>();
        for (Service v : s.services()) {
            names.put(v.id(), v.spec().name());
        }
        Map<String, List<AssignedTask>> out = new LinkedHashMap<>();
        for (Task t : s.tasks()) {
            if (t.nodeId() != null && t.status().state().compareTo(TaskState.ASSIGNED) >= 0) {
                out.computeIfAbsent(t.nodeId(), k -> new ArrayList<>())
                        .add(new AssignedTask(t, names.getOrDefault(t.serviceId(), t.serviceId()), s.networking().attachmentsOf(t.id())));
            }
        }
        return out;
    }
}
