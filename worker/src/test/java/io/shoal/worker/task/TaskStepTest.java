package io.shoal.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStepTest {
    @ParameterizedTest(name = "desired {0}, observed {1}, container {2} -> {3}")
    @CsvSource({
            "RUNNING,  ASSIGNED,  false, ACCEPT",
            "RUNNING,  ACCEPTED,  false, PREPARE",
            "RUNNING,  PREPARING, false, PREPARE",
            "RUNNING,  READY,     true,  START",
            "RUNNING,  STARTING,  true,  START",
            "RUNNING,  RUNNING,   true,  WAIT",
            "RUNNING,  RUNNING,   false, LOST",
            "RUNNING,  FAILED,    true,  WAIT",
            "READY,    READY,     true,  WAIT",
            "SHUTDOWN, RUNNING,   true,  STOP",
            "SHUTDOWN, ASSIGNED,  false, STOP",
            "REMOVE,   COMPLETE,  true,  WAIT",
    })
    void decidesTheNextStep(TaskState desired, TaskState observed, boolean created, TaskStep.Action expected) {
        assertThat(TaskStep.next(desired, observed, created)).isEqualTo(expected);
    }
}
