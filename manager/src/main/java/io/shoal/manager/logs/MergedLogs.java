package io.shoal.manager.logs;

import akka.NotUsed;
import akka.stream.javadsl.Source;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.api.model.Task;
import java.util.List;

/**
 * The lines of several tasks as one stream, each with its context, interleaved as they arrive (every task's own
 * lines stay in order). Tasks never placed on a node have no output and are left out.
 */
public final class MergedLogs {
    private MergedLogs() {}

    public static Source<LogMessage, NotUsed> of(List<Task> tasks, LogsProtocol.Selection selection, TaskLogs logs) {
        List<Task> placed = tasks.stream().filter(t -> t.nodeId() != null && !t.nodeId().isEmpty()).toList();
        if (placed.isEmpty()) {
            return Source.empty();
        }
        return Source.from(placed).flatMapMerge(placed.size(), t -> logs.lines(t.nodeId(), t.id(), selection)
                .map(line -> new LogMessage(t.nodeId(), t.serviceId(), t.id(), line)));
    }
}
