package io.shoal.scheduler.filter;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static io.shoal.scheduler.fixtures.OneNode.outcome;
import static io.shoal.scheduler.fixtures.OneNode.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.view.PublishedPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortFilterTest {

    @ParameterizedTest(name = "used {0}/{1}, wanted {2}/{3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp | 80 | tcp | 8080 | placed
            tcp | 80 | udp | 80   | placed
            tcp | 80 | tcp | 80   | no suitable node (host-mode port already in use on 1 node)
            UDP | 53 | udp | 53   | no suitable node (host-mode port already in use on 1 node)
            """)
    void hostPortsMustBeFree(String usedProto, int used, String wantedProto, int wanted, String expected) {
        assertThat(outcome(node("n1").usedPort(new PublishedPort(usedProto, used)).build(),
                task().withHostPorts(new PublishedPort(wantedProto, wanted)))).isEqualTo(expected);
    }
}
