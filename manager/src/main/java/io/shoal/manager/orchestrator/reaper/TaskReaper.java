package io.shoal.manager.orchestrator.reaper;

import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.manager.orchestrator.TaskFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retires tasks that are no longer wanted. A task no worker has taken yet (assigned or earlier) is ended
 * by the managers themselves; a task desired {@code remove} is deleted once it has ended; and each slot
 * (or node, for global services) keeps at most {@code historyLimit} ended tasks, as Swarm's
 * TaskHistoryRetentionLimit.
 */
public final class TaskReaper {
    private TaskReaper() {}

    public static void reap(Collection<Task> tasks, TaskFactory factory, long historyLimit,
                            Map<String, Task> changed, List<String> remove) {
        Map<String, List<Task>> history = new HashMap<>();
        for (Task t : tasks) {
            Task cur = t;
            if (cur.desiredState().compareTo(TaskState.RUNNING) > 0 && cur.status().state().compareTo(TaskState.ASSIGNED) <= 0) {
                cur = cur.withStatus(TaskStatus.of(factory.now(), TaskState.SHUTDOWN, "shutdown"), cur.version(), factory.now());
                changed.put(cur.id(), cur);
            }
            if (cur.desiredState() == TaskState.REMOVE && cur.status().state().isTerminal()) {
                remove.add(cur.id());
            } else if (!cur.isLive() && cur.status().state().isTerminal()) {
                String key = cur.serviceId() + "/" + (cur.slot() != null ? "slot" + cur.slot() : "node" + cur.nodeId());
                history.computeIfAbsent(key, k -> new ArrayList<>()).add(cur);
            }
        }
        for (List<Task> ended : history.values()) {
            if (ended.size() > historyLimit) {
                ended.sort(Comparator.comparing(Task::createdAt).thenComparing(Task::id));
                for (int i = 0; i < ended.size() - historyLimit; i++) {
                    remove.add(ended.get(i).id());
                }
            }
        }
    }
}
