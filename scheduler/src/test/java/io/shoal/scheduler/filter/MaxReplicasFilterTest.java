package io.shoal.scheduler.filter;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static io.shoal.scheduler.fixtures.OneNode.outcome;
import static io.shoal.scheduler.fixtures.OneNode.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxReplicasFilterTest {

    @ParameterizedTest(name = "{0} running, {1} other, max {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | 1 | placed
            1 | 0 | 1 | no suitable node (max replicas per node limit exceeded on 1 node)
            1 | 5 | 2 | placed
            2 | 0 | 2 | no suitable node (max replicas per node limit exceeded on 1 node)
            9 | 0 | 0 | placed
            """)
    void atMostMaxTasksOfTheServicePerNode(int running, int other, int max, String expected) {
        assertThat(outcome(node("n1").tasks("svc", running).tasks("other", other).build(),
                task().withMaxReplicasPerNode(max))).isEqualTo(expected);
    }
}
