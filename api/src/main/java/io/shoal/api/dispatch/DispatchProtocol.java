package io.shoal.api.dispatch;

import io.shoal.api.model.Node;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskStatus;
import java.util.List;

/**
 * The messages between a worker agent and the dispatcher, as Swarm's dispatcher API: a worker opens a
 * session, heartbeats it, receives its assignments (the whole set, then changes) and reports task status
 * in acknowledged batches. Actor references are carried in their serialized string form, so this
 * module stays free of Akka; every record here crosses hosts and is protobuf-encoded by
 * {@link io.shoal.api.proto.DispatchProto}.
 */
public final class DispatchProtocol {
    /** The Receptionist key id under which the dispatcher is found. */
    public static final String SERVICE_KEY = "shoal-dispatcher";

    private DispatchProtocol() {}

    /** Marker of the records below (each is serialized). */
    public sealed interface Wire {}

    /** A worker starts (or restarts) its session; {@code worker} is its agent's serialized reference. */
    public record OpenSession(String nodeId, Node.Description description, Node.Status status, String worker)
            implements Wire, DispatcherMessage {}

    public record Heartbeat(String nodeId, String sessionId) implements Wire, DispatcherMessage {}

    /** One batch of task status changes; acknowledged by {@link StatusAck} once persisted. */
    public record ReportStatus(String nodeId, String sessionId, long seq, List<TaskUpdate> updates)
            implements Wire, DispatcherMessage {}

    public record TaskUpdate(String taskId, TaskStatus status) {}

    public record SessionOpened(String sessionId, long heartbeatPeriodMillis) implements Wire, WorkerMessage {}

    /** The dispatcher will not talk to this worker under that session (unknown node, no swarm, stale session). */
    public record SessionRefused(String reason) implements Wire, WorkerMessage {}

    public record HeartbeatAck(String sessionId) implements Wire, WorkerMessage {}

    public record StatusAck(String sessionId, long seq) implements Wire, WorkerMessage {}

    /**
     * The node's tasks: with {@code complete} the whole set (anything not in it is to be removed), else the
     * tasks that changed and the ids of those that are gone.
     */
    public record Assignments(String sessionId, boolean complete, List<AssignedTask> tasks, List<String> removed)
            implements Wire, WorkerMessage {}

    /** A task with what the worker needs beside it to run it (the service's name, for container names). */
    public record AssignedTask(Task task, String serviceName) {}
}
