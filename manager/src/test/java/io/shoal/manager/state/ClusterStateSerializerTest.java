package io.shoal.manager.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every journal record survives a round trip through its protobuf form. */
class ClusterStateSerializerTest {
    static final Service WEB = new Service("svc", new Version(3), Nodes.T0, Nodes.T0, Services.replicated("web", 2), null);
    static final Task TASK = new Task("t1", new Version(4), Nodes.T0, Nodes.T0, WEB.spec().taskTemplate(), "svc", 1L, "n1",
            TaskStatus.of(Nodes.T0, TaskState.ASSIGNED, "assigned"), TaskState.RUNNING, 3);

    static List<Object> records() {
        Swarm swarm = new Swarm("s", new Version(1), Nodes.T0, Nodes.T0, new Swarm.Spec("default", null, 5L, 5L),
                new Swarm.JoinTokens("w", "m"));
        return List.of(new ClusterEvent.SwarmInitialized(swarm), new ClusterEvent.NodeRegistered(Nodes.ready("n1")),
                new ClusterEvent.NodeUpdated(Nodes.manager("n2")), new ClusterEvent.ServiceCreated(WEB),
                new ClusterEvent.ServiceUpdated(WEB), new ClusterEvent.ServiceRemoved("svc", 9),
                new ClusterEvent.TaskCreated(TASK), new ClusterEvent.TaskUpdated(TASK), new ClusterEvent.TaskRemoved("t1", 10),
                new StateSnapshot(swarm, 10, List.of(Nodes.ready("n1")), List.of(WEB), List.of(TASK)));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTrips(Object record) throws Exception {
        ClusterStateSerializer s = new ClusterStateSerializer();
        assertThat(s.fromBinary(s.toBinary(record), s.manifest(record))).isEqualTo(record);
    }
}
