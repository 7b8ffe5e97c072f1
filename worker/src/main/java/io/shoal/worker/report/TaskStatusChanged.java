package io.shoal.worker.report;

import io.shoal.api.dispatch.WorkerMessage;
import io.shoal.api.model.TaskStatus;

/** A task runner reached a new state; the agent batches these to the dispatcher. Never leaves the node. */
public record TaskStatusChanged(String taskId, TaskStatus status) implements WorkerMessage {}
