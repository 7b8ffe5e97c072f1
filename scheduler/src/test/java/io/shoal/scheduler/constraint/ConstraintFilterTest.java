package io.shoal.scheduler.constraint;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static io.shoal.scheduler.fixtures.OneNode.outcome;
import static io.shoal.scheduler.fixtures.OneNode.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.view.NodeRole;
import io.shoal.scheduler.view.NodeView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintFilterTest {
    private static final String NO = "no suitable node (scheduling constraints not satisfied on 1 node)";

    /** The node: id n1, hostname web-1, manager, linux/arm64, labels dc=east, engine label storage=ssd. */
    private static final NodeView NODE = node("n1").hostname("web-1").role(NodeRole.MANAGER).platform("linux", "arm64")
            .label("dc", "east").label("Tier", "front").engineLabel("storage", "ssd").build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            node.id==n1                     | true
            node.id!=n1                     | false
            node.hostname==web-1            | true
            node.hostname==WEB-1            | true
            node.role==manager              | true
            node.role!=worker               | true
            node.role==worker               | false
            node.platform.os==linux         | true
            node.platform.arch==arm64       | true
            node.platform.arch==amd64       | false
            node.labels.dc==east            | true
            node.labels.dc == east          | true
            node.labels.dc==west            | false
            node.labels.dc!=west            | true
            node.labels.rack==r1            | false
            node.labels.rack!=r1            | true
            NODE.LABELS.Tier==front         | true
            node.labels.tier==front         | false
            engine.labels.storage==ssd      | true
            engine.labels.storage!=ssd      | false
            node.labels.dc==east;node.role==manager | true
            node.labels.dc==east;node.role==worker  | false
            """)
    void everyConstraintMustHold(String constraints, boolean placed) {
        assertThat(outcome(NODE, task().withConstraints(constraints.split(";")))).isEqualTo(placed ? "placed" : NO);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node.labels.dc=east     | invalid constraint "node.labels.dc=east": expected == or !=
            node.labels.dc==        | invalid constraint "node.labels.dc==": bad value
            node.colour==blue       | invalid constraint "node.colour==blue": unknown key node.colour
            node.labels.==x         | invalid constraint "node.labels.==x": unknown key node.labels.
            """)
    void invalidConstraintsExplainThemselves(String constraint, String reason) {
        assertThat(outcome(NODE, task().withConstraints(constraint))).isEqualTo(reason);
    }
}
