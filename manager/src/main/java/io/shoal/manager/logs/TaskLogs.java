package io.shoal.manager.logs;

import akka.NotUsed;
import akka.stream.javadsl.Source;
import io.shoal.api.logs.LogsProtocol;

/** Where the managers get a task's output: from the node that runs it. */
public interface TaskLogs {

    /**
     * The lines of task {@code taskId} on node {@code nodeId} selected by {@code selection}. It ends when they are
     * all sent (with follow, when the container exits) and is empty when that node has no container for the task or
     * cannot be reached; cancelling it stops the node's read.
     */
    Source<LogsProtocol.Line, NotUsed> lines(String nodeId, String taskId, LogsProtocol.Selection selection);
}
