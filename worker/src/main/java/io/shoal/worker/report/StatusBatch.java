package io.shoal.worker.report;

import io.shoal.api.dispatch.DispatchProtocol.TaskUpdate;
import io.shoal.api.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task states a worker has yet to get acknowledged, coalesced per task (states only move forward,
 * so the latest says everything) with at most one batch in flight. A batch leaves the buffer only when the
 * dispatcher acknowledges its sequence number; remoting may drop a message, so a batch unacknowledged for
 * {@code resendAfter} goes out again (with what has changed since), and on a new session everything in flight
 * is sent again. Applying a report twice is harmless: states only move forward.
 */
public final class StatusBatch {
    private final Map<String, TaskStatus> unsent = new LinkedHashMap<>();
    private Map<String, TaskStatus> inFlight = Map.of();
    private long seq;
    private long inFlightSeq = -1;
    private Instant sentAt;

    public void offer(String taskId, TaskStatus status) {
        TaskStatus before = unsent.get(taskId);
        if (before == null || status.state().compareTo(before.state()) > 0) {
            unsent.put(taskId, status);
        }
    }

    /** The next batch to send: if none is in flight and something is waiting, or the one in flight is overdue. */
    public Optional<Batch> next(Instant now, Duration resendAfter) {
        if (inFlightSeq >= 0 && sentAt.plus(resendAfter).isBefore(now)) {
            resend();
        }
        if (inFlightSeq >= 0 || unsent.isEmpty()) {
            return Optional.empty();
        }
        sentAt = now;
        inFlight = new LinkedHashMap<>(unsent);
        unsent.clear();
        inFlightSeq = ++seq;
        List<TaskUpdate> updates = new ArrayList<>();
        inFlight.forEach((id, st) -> updates.add(new TaskUpdate(id, st)));
        return Optional.of(new Batch(inFlightSeq, updates));
    }

    public void ack(long acked) {
        if (acked == inFlightSeq) {
            inFlight = Map.of();
            inFlightSeq = -1;
        }
    }

    /** The session changed: what was in flight may be lost, so it goes out again with the next batch. */
    public void resend() {
        inFlight.forEach(this::offer);
        inFlight = Map.of();
        inFlightSeq = -1;
    }

    public boolean isEmpty() {
        return unsent.isEmpty() && inFlightSeq < 0;
    }

    public record Batch(long seq, List<TaskUpdate> updates) {}
}
