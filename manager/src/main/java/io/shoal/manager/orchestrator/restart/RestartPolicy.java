package io.shoal.manager.orchestrator.restart;

import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Swarm's restart policy as pure decisions: whether a slot whose task ended gets a new one
 * ({@code condition} none / on-failure / any, at most {@code max_attempts} within {@code window}), and
 * when the new one may start ({@code delay}: it is created desired {@code ready} and left unplaced, then
 * released to {@code running} once the delay has passed, so a task that cannot start is retried once per
 * delay rather than in a loop). Unset fields take Docker's defaults:
 * condition any, delay 5 s, no attempt limit, no window. Attempts are counted from the slot's task
 * history, so a limit above the task history retention limit cannot be enforced beyond it.
 */
public final class RestartPolicy {
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

    private RestartPolicy() {}

    /** Whether the slot of {@code ended} (a task that stopped on its own) is restarted. */
    public static boolean shouldRestart(Task ended, Collection<Task> slotTasks, Instant now) {
        TaskSpec.RestartPolicy p = ended.spec().restartPolicy();
        String condition = p == null || p.condition() == null || p.condition().isEmpty() ? "any" : p.condition();
        if ("none".equals(condition)) {
            return false;
        }
        if ("on-failure".equals(condition) && ended.status().state() == TaskState.COMPLETE) {
            return false;
        }
        long max = p == null || p.maxAttempts() == null ? 0 : p.maxAttempts();
        if (max <= 0) {
            return true;
        }
        Duration window = p.window() == null || p.window() <= 0 ? null : Duration.ofNanos(p.window());
        long attempts = slotTasks.stream()
                .filter(t -> t.status().state() == TaskState.COMPLETE || t.status().state() == TaskState.FAILED
                        || t.status().state() == TaskState.REJECTED)
                .filter(t -> window == null || !t.status().timestamp().isBefore(now.minus(window)))
                .count();
        // The first run is not a restart: n ended runs mean n - 1 restarts so far.
        return attempts - 1 < max;
    }

    public static Duration delay(TaskSpec spec) {
        TaskSpec.RestartPolicy p = spec.restartPolicy();
        return p == null || p.delay() == null ? DEFAULT_DELAY : Duration.ofNanos(p.delay());
    }

    /** The desired state of a restarted slot's new task: it waits out the delay in {@code ready}. */
    public static TaskState initialDesired(TaskSpec spec) {
        return delay(spec).isZero() ? TaskState.RUNNING : TaskState.READY;
    }

    /** Whether a task held in {@code ready} may now run. */
    public static boolean released(Task waiting, Instant now) {
        return !waiting.createdAt().plus(delay(waiting.spec())).isAfter(now);
    }
}
