package io.shoal.worker.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.dispatch.DispatchProtocol.TaskUpdate;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusBatchTest {
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
        StatusBatch.Batch first = b.next().orElseThrow();
        assertThat(first.updates()).extracting(TaskUpdate::taskId, u -> u.status().state())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", TaskState.RUNNING),
                        org.assertj.core.groups.Tuple.tuple("t2", TaskState.PREPARING));
        b.offer("t2", st(TaskState.RUNNING));
        assertThat(b.next()).as("one batch in flight").isEmpty();
        b.ack(first.seq() + 7);
        assertThat(b.next()).as("another batch's ack changes nothing").isEmpty();
        b.ack(first.seq());
        assertThat(b.next().orElseThrow().updates()).extracting(TaskUpdate::taskId).containsExactly("t2");
    }

    @Test
    void aNewSessionResendsWhatWasInFlight() {
        StatusBatch b = new StatusBatch();
        b.offer("t1", st(TaskState.RUNNING));
        long lost = b.next().orElseThrow().seq();
        b.resend();
        StatusBatch.Batch again = b.next().orElseThrow();
        assertThat(again.seq()).isGreaterThan(lost);
        assertThat(again.updates()).extracting(u -> u.status().state()).containsExactly(TaskState.RUNNING);
        b.ack(again.seq());
        assertThat(b.isEmpty()).isTrue();
    }
}
