package io.shoal.worker.logs;

import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import java.util.Optional;
import java.util.function.Consumer;

/** What the log server needs of this node's engine: a task's container and its output. */
public interface TaskOutput {

    /** The container this node runs (or ran, and still has) for task {@code taskId}. */
    Optional<Container> containerOf(String taskId);

    /**
     * Sends the container's entries selected by {@code query} to {@code sink}; with follow it blocks until the
     * container exits. The sink stops it by throwing; an interrupt of the calling thread stops it too.
     */
    void read(String containerId, LogQuery query, Consumer<LogEntry> sink);

    record Container(String id, boolean tty) {}
}
