package io.shoal.worker.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.dispatch.DispatchProtocol.TaskUpdate;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusBatchTest {
    static final Instant T = Instant.EPOCH;
    static final java.time.Duration RESEND = java.time.Duration.ofSeconds(1);

    static TaskStatus st(TaskState s) {
        return TaskStatus.of(Instant.EPOCH, s, s.dockerName());
    }

    @Test
    void coalescesPerTaskAndKeepsOneBatchInFlightUntilAcknowledged() {
        StatusBatch b = new StatusBatch();
        b.offer("t1", st(TaskState.ACCEPTED));
        b.offer("t1", st(TaskState.RUNNING));
        b.offer("t1", st(TaskState.STARTING));
        b.offer("t2", st(TaskState.PREPARING));
        StatusBatch.Batch first = b.next(T, RESEND).orElseThrow();
        assertThat(first.updates()).extracting(TaskUpdate::taskId, u -> u.status().state())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", TaskState.RUNNING),
                        org.assertj.core.groups.Tuple.tuple("t2", TaskState.PREPARING));
        b.offer("t2", st(TaskState.RUNNING));
        assertThat(b.next(T, RESEND)).as("one batch in flight").isEmpty();
        b.ack(first.seq() + 7);
        assertThat(b.next(T, RESEND)).as("another batch's ack changes nothing").isEmpty();
        b.ack(first.seq());
        assertThat(b.next(T, RESEND).orElseThrow().updates()).extracting(TaskUpdate::taskId).containsExactly("t2");
    }

    @Test
    void aNewSessionResendsWhatWasInFlight() {
        StatusBatch b = new StatusBatch();
        b.offer("t1", st(TaskState.RUNNING));
        long lost = b.next(T, RESEND).orElseThrow().seq();
        b.resend();
        StatusBatch.Batch again = b.next(T, RESEND).orElseThrow();
        assertThat(again.seq()).isGreaterThan(lost);
        assertThat(again.updates()).extracting(u -> u.status().state()).containsExactly(TaskState.RUNNING);
        b.ack(again.seq());
        assertThat(b.isEmpty()).isTrue();
    }

    @Test
    void aBatchUnacknowledgedForTooLongGoesOutAgainWithWhatChangedSince() {
        StatusBatch b = new StatusBatch();
        b.offer("t1", st(TaskState.STARTING));
        long dropped = b.next(T, RESEND).orElseThrow().seq();
        b.offer("t2", st(TaskState.ACCEPTED));
        assertThat(b.next(T.plusMillis(900), RESEND)).as("not overdue yet").isEmpty();
        StatusBatch.Batch again = b.next(T.plusMillis(1100), RESEND).orElseThrow();
        assertThat(again.seq()).isNotEqualTo(dropped);
        assertThat(again.updates()).extracting(TaskUpdate::taskId).containsExactlyInAnyOrder("t1", "t2");
        b.ack(dropped);
        assertThat(b.isEmpty()).as("a late ack of the dropped batch does not clear the new one").isFalse();
    }
}
