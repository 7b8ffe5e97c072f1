package io.shoal.manager.placement;

import io.shoal.api.model.Node;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a node for each unassigned task: ready and active nodes that meet the constraints, spread by
 * fewest tasks of the service, then fewest tasks overall, then node id (deterministic). The scheduler
 * module (issue 4) replaces this with Swarm's full pipeline; this keeps a one-host cluster honest until then.
 */
public final class NodePicker {
    /** What a task assigned on a node without a container runtime says while it waits. */
    public static final String WAITING = "assigned to node; waiting for the worker to start it: no container runtime is wired into workers yet";

    private final Collection<Node> nodes;
    private final Map<String, Integer> total = new HashMap<>();
    private final Map<String, Integer> perService = new HashMap<>();

    public NodePicker(Collection<Node> nodes, Collection<Task> tasks) {
        this.nodes = nodes;
        for (Task t : tasks) {
            if (t.nodeId() != null && t.isLive()) {
                count(t.serviceId(), t.nodeId());
            }
        }
    }

    private void count(String serviceId, String nodeId) {
        total.merge(nodeId, 1, Integer::sum);
        perService.merge(serviceId + "/" + nodeId, 1, Integer::sum);
    }

    /** The task assigned to a node, or pending with the reason in Docker's words. */
    public Task place(Task task, Instant now) {
        int considered = 0;
        int notReady = 0;
        int unavailable = 0;
        int constrained = 0;
        Optional<Node> best = Optional.empty();
        Comparator<Node> order = Comparator.<Node>comparingInt(n -> perService.getOrDefault(task.serviceId() + "/" + n.id(), 0))
                .thenComparingInt(n -> total.getOrDefault(n.id(), 0)).thenComparing(Node::id);
        for (Node n : nodes) {
            considered++;
            if (!n.isReady()) {
                notReady++;
            } else if (!"active".equals(n.spec().availability())) {
                unavailable++;
            } else if (!Constraints.matchAll(task.spec(), n)) {
                constrained++;
            } else if (best.isEmpty() || order.compare(n, best.get()) < 0) {
                best = Optional.of(n);
            }
        }
        if (best.isPresent()) {
            count(task.serviceId(), best.get().id());
            return task.withNode(best.get().id(), TaskStatus.of(now, TaskState.ASSIGNED, WAITING), task.version(), now);
        }
        String why = considered == 0 ? "no suitable node (no nodes)" : "no suitable node (" + reasons(notReady, unavailable, constrained) + ")";
        TaskStatus pending = new TaskStatus(now, TaskState.PENDING, "pending task scheduling", why, null);
        return task.status().state() == TaskState.PENDING && why.equals(task.status().err())
                ? task : task.withStatus(pending, task.version(), now);
    }

    private static String reasons(int notReady, int unavailable, int constrained) {
        StringBuilder b = new StringBuilder();
        append(b, notReady, "not ready");
        append(b, unavailable, "not available for new tasks");
        append(b, constrained, "scheduling constraints not satisfied");
        return b.toString();
    }

    private static void append(StringBuilder b, int n, String what) {
        if (n > 0) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(what).append(" on ").append(n).append(n == 1 ? " node" : " nodes");
        }
    }
}
