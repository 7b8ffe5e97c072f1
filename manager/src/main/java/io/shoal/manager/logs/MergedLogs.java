package io.shoal.manager.logs;

import akka.NotUsed;
import akka.japi.Pair;
import akka.stream.javadsl.Source;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.api.model.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The lines of several tasks as one stream, each with its context, interleaved as they arrive (every task's own
 * lines stay in order). Tasks never placed on a node have no output and are left out. A follow also takes in the
 * tasks that get a container later (a scale-up, a restart), as {@code docker service logs -f} does: from each
 * snapshot of the service's tasks, those not seen before join with every line they wrote since the follow began.
 */
public final class MergedLogs {
    /** At most this many tasks are read at once; more wait for one to end. */
    static final int BREADTH = 512;

    private MergedLogs() {}

    public static Source<LogMessage, NotUsed> of(List<Task> tasks, LogsProtocol.Selection selection, TaskLogs logs) {
        List<Task> placed = tasks.stream().filter(MergedLogs::placed).toList();
        if (placed.isEmpty()) {
            return Source.empty();
        }
        return Source.from(placed).flatMapMerge(placed.size(), t -> lines(t, selection, logs));
    }

    /**
     * @param tasks the service's tasks now; those with a container are followed at once, the others once a later
     *     snapshot shows their container
     * @param later snapshots of the service's tasks (polled from the cluster state) for as long as the follow lasts
     * @param start when the follow began: a later task's lines from then on are sent
     */
    public static <M> Source<LogMessage, NotUsed> following(List<Task> tasks, Source<List<Task>, M> later,
                                                            LogsProtocol.Selection selection, Instant start, TaskLogs logs) {
        List<Task> now = tasks.stream().filter(MergedLogs::started).toList();
        Set<String> initial = new HashSet<>();
        now.forEach(t -> initial.add(t.id()));
        LogsProtocol.Selection fromStart = new LogsProtocol.Selection(selection.stdout(), selection.stderr(),
                selection.since() != null && selection.since().isAfter(start) ? selection.since() : start, -1, true);
        Source<Pair<Task, LogsProtocol.Selection>, NotUsed> first = Source.from(now).map(t -> Pair.create(t, selection));
        Source<Pair<Task, LogsProtocol.Selection>, M> next = later.statefulMapConcat(() -> {
            Set<String> seen = new HashSet<>(initial);
            return snapshot -> {
                List<Pair<Task, LogsProtocol.Selection>> joined = new ArrayList<>();
                for (Task t : snapshot) {
                    if (started(t) && seen.add(t.id())) {
                        joined.add(Pair.create(t, fromStart));
                    }
                }
                return joined;
            };
        });
        return first.concat(next).flatMapMerge(BREADTH, p -> lines(p.first(), p.second(), logs))
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }

    private static Source<LogMessage, NotUsed> lines(Task t, LogsProtocol.Selection selection, TaskLogs logs) {
        return logs.lines(t.nodeId(), t.id(), selection).map(line -> new LogMessage(t.nodeId(), t.serviceId(), t.id(), line));
    }

    private static boolean placed(Task t) {
        return t.nodeId() != null && !t.nodeId().isEmpty();
    }

    /** Placed and given a container by its node (so the node can be asked for its output). */
    private static boolean started(Task t) {
        Predicate<Task> hasContainer = x -> x.status() != null && x.status().containerStatus() != null
                && x.status().containerStatus().containerId() != null && !x.status().containerStatus().containerId().isEmpty();
        return placed(t) && hasContainer.test(t);
    }
}
