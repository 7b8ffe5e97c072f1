package io.shoal.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.shoal.api.model.Version;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MergedLogsTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    static Task task(String id, String node) {
        return new Task(id, new Version(1), T, T, null, "svc", 1L, node, null, TaskState.RUNNING, 1);
    }

    static Task started(String id, String node) {
        return task(id, node).withStatus(new TaskStatus(T, TaskState.RUNNING, "started", null,
                new TaskStatus.ContainerStatus("c-" + id, 1, null)), new Version(2), T);
    }

    @Test
    void aFollowTakesInTasksThatGetAContainerLaterWithWhatTheyWroteSinceItBegan() throws Exception {
        Map<String, LogsProtocol.Selection> asked = new ConcurrentHashMap<>();
        TaskLogs logs = (node, task, sel) -> {
            asked.put(task, sel);
            return Source.single(new LogsProtocol.Line(false, T, task + "\n"));
        };
        LogsProtocol.Selection follow = new LogsProtocol.Selection(true, false, null, 3, true);
        Instant start = T.plusSeconds(60);
        List<List<Task>> snapshots = List.of(List.of(started("a", "n1"), task("b", "n2")),
                List.of(started("a", "n1"), started("b", "n2"), started("c", "n1")), List.of(started("c", "n1")));
        List<LogMessage> out = MergedLogs.following(List.of(started("a", "n1"), task("b", "n2")), Source.from(snapshots), follow, start, logs)
                .runWith(Sink.seq(), KIT.system()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(out).extracting(LogMessage::taskId).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(asked.get("a")).isEqualTo(follow);
        LogsProtocol.Selection later = new LogsProtocol.Selection(true, false, start, -1, true);
        assertThat(asked.get("b")).isEqualTo(later);
        assertThat(asked.get("c")).isEqualTo(later);
    }

    @Test
    void everyPlacedTasksLinesArriveInOrderWithTheirContext() throws Exception {
        TaskLogs logs = (node, task, sel) -> Source.from(List.of(
                new LogsProtocol.Line(false, T, task + " 1\n"), new LogsProtocol.Line(false, T, task + " 2\n")));
        List<LogMessage> out = MergedLogs.of(List.of(task("a", "n1"), task("b", "n2"), task("c", null)),
                        new LogsProtocol.Selection(true, true, null, -1, false), logs)
                .runWith(Sink.seq(), KIT.system()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(out).extracting(m -> m.taskId() + "@" + m.nodeId() + " " + m.line().text())
                .containsExactlyInAnyOrder("a@n1 a 1\n", "a@n1 a 2\n", "b@n2 b 1\n", "b@n2 b 2\n");
        assertThat(out.stream().filter(m -> m.taskId().equals("a")).map(m -> m.line().text()))
                .containsExactly("a 1\n", "a 2\n");
        assertThat(out).allMatch(m -> m.serviceId().equals("svc"));
    }
}
