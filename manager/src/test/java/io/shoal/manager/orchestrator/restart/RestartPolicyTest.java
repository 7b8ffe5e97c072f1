package io.shoal.manager.orchestrator.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPolicyTest {
    static final Instant NOW = Nodes.T0.plusSeconds(3600);

    static Task ended(TaskSpec.RestartPolicy policy, TaskState state, Instant at) {
        TaskSpec t = Services.replicated("web", 1).taskTemplate();
        TaskSpec spec = new TaskSpec(t.containerSpec(), null, policy, null, null, null, null, null);
        return new Task("t" + at.getEpochSecond() + state, new Version(1), at, at, spec, "s", 1L, "n",
                TaskStatus.of(at, state, state.dockerName()), TaskState.RUNNING, 1);
    }

    @ParameterizedTest(name = "condition {0}, ended {1} -> restart {2}")
    @CsvSource({
            ",           COMPLETE, true",
            "any,        COMPLETE, true",
            "any,        FAILED,   true",
            "on-failure, COMPLETE, false",
            "on-failure, FAILED,   true",
            "on-failure, REJECTED, true",
            "none,       FAILED,   false",
    })
    void conditionDecides(String condition, TaskState state, boolean restart) {
        Task t = ended(new TaskSpec.RestartPolicy(condition, null, null, null), state, NOW);
        assertThat(RestartPolicy.shouldRestart(t, List.of(t), NOW)).isEqualTo(restart);
    }

    @Test
    void maxAttemptsCountsRestartsWithinTheWindow() {
        TaskSpec.RestartPolicy twoPerMinute = new TaskSpec.RestartPolicy("on-failure", 0L, 2L, Duration.ofMinutes(1).toNanos());
        List<Task> slot = new ArrayList<>();
        slot.add(ended(twoPerMinute, TaskState.FAILED, NOW.minusSeconds(300)));
        slot.add(ended(twoPerMinute, TaskState.FAILED, NOW.minusSeconds(20)));
        slot.add(ended(twoPerMinute, TaskState.FAILED, NOW.minusSeconds(10)));
        assertThat(RestartPolicy.shouldRestart(slot.get(2), slot, NOW)).as("one restart in the window so far").isTrue();
        slot.add(ended(twoPerMinute, TaskState.FAILED, NOW));
        assertThat(RestartPolicy.shouldRestart(slot.get(3), slot, NOW)).as("two restarts in the window").isFalse();
        assertThat(RestartPolicy.shouldRestart(slot.get(3), slot, NOW.plusSeconds(55))).as("the window moved on").isTrue();
    }

    @Test
    void theReplacementWaitsOutTheDelayInReady() {
        Task t = ended(new TaskSpec.RestartPolicy("any", Duration.ofSeconds(3).toNanos(), null, null), TaskState.FAILED, NOW);
        assertThat(RestartPolicy.initialDesired(t.spec())).isEqualTo(TaskState.READY);
        assertThat(RestartPolicy.released(t, NOW.plusSeconds(2))).isFalse();
        assertThat(RestartPolicy.released(t, NOW.plusSeconds(3))).isTrue();
        assertThat(RestartPolicy.initialDesired(ended(new TaskSpec.RestartPolicy("any", 0L, null, null), TaskState.FAILED, NOW).spec()))
                .isEqualTo(TaskState.RUNNING);
        assertThat(RestartPolicy.delay(Services.replicated("web", 1).taskTemplate())).isEqualTo(Duration.ofSeconds(5));
    }
}
