package io.shoal.scheduler.filter;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static io.shoal.scheduler.fixtures.OneNode.outcome;
import static io.shoal.scheduler.fixtures.OneNode.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.view.Availability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadyFilterTest {

    @ParameterizedTest(name = "ready={0} availability={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | ACTIVE | placed
            true  | PAUSE  | no suitable node (1 node not available for new tasks)
            true  | DRAIN  | no suitable node (1 node not available for new tasks)
            false | ACTIVE | no suitable node (1 node not available for new tasks)
            false | DRAIN  | no suitable node (1 node not available for new tasks)
            """)
    void onlyReadyActiveNodesTakeNewTasks(boolean ready, Availability availability, String expected) {
        assertThat(outcome(node("n1").ready(ready).availability(availability).build(), task())).isEqualTo(expected);
    }
}
