package io.shoal.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.container.Lifecycle.Event;
import io.shoal.engine.container.Lifecycle.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    @ParameterizedTest
    @CsvSource({
        "CREATED, START, false, RUNNING",
        "CREATED, REMOVE, false, REMOVING",
        "RUNNING, PAUSE, false, PAUSED",
        "PAUSED, UNPAUSE, false, RUNNING",
        "RUNNING, EXIT, false, EXITED",
        "PAUSED, EXIT, false, EXITED",
        "EXITED, START, false, RUNNING",
        "EXITED, RESTART, false, RESTARTING",
        "RUNNING, REMOVE, true, REMOVING",
        "REMOVING, REMOVED_FAILED, false, DEAD",
    })
    void moves(State from, Event event, boolean force, State to) {
        assertThat(Lifecycle.next(from, event, force)).isEqualTo(new Outcome.Moved(to));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RUNNING| REMOVE| stop the container before removing or force remove",
        "PAUSED| PAUSE| already paused",
        "RUNNING| UNPAUSE| not paused",
        "EXITED| PAUSE| not running",
        "DEAD| START| cannot start a dead container",
    })
    void refuses(State from, Event event, String reason) {
        Outcome o = Lifecycle.next(from, event, false);
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) o).reason()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"RUNNING, START"})
    void startingARunningContainerChangesNothing(State from, Event event) {
        assertThat(Lifecycle.next(from, event, false)).isEqualTo(new Outcome.Unchanged(State.RUNNING));
    }
}
