package io.shoal.manager.orchestrator;

import io.shoal.api.model.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * What the orchestrators decided: tasks to create, tasks to change (desired state, node, status) and task
 * ids to delete. Versions are not yet set; the cluster state stamps them when it persists the decision.
 */
public record Reconciliation(List<Task> create, List<Task> update, List<String> remove) {
    public static Reconciliation empty() {
        return new Reconciliation(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    public boolean isEmpty() {
        return create.isEmpty() && update.isEmpty() && remove.isEmpty();
    }
}
