package io.shoal.manager.logs;

import io.shoal.api.logs.LogsProtocol;

/** One line of a task's output with its context: the node it came from, its service and its task. */
public record LogMessage(String nodeId, String serviceId, String taskId, LogsProtocol.Line line) {}
