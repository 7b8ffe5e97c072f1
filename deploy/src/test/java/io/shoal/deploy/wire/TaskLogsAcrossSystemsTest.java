package io.shoal.deploy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.stream.javadsl.Sink;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.manager.logs.RemoteTaskLogs;
import io.shoal.worker.logs.LogServer;
import io.shoal.worker.logs.TaskOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A manager's {@link RemoteTaskLogs} in one actor system and a node's {@link LogServer} in another, joined over
 * loopback with Java serialization off: the subscription, its answer and every batch of lines inside the stream
 * reference cross Artery through {@link LogsSerializer}, and cancelling on the manager stops the node's read.
 */
class TaskLogsAcrossSystemsTest {
    static final Instant T = Instant.parse("2026-11-23T08:00:00Z");
    ActorTestKit managers;
    ActorTestKit worker;
    final ExecutorService reads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        reads.shutdownNow();
        if (worker != null) {
            worker.shutdownTestKit();
        }
        if (managers != null) {
            managers.shutdownTestKit();
        }
    }

    /** Task "many" wrote 1,000 lines; task "quiet" wrote one and is followed until its reader is interrupted. */
    static final class Output implements TaskOutput {
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public Optional<Container> containerOf(String taskId) {
            return taskId.equals("gone") ? Optional.empty() : Optional.of(new Container("c-" + taskId, false));
        }

        @Override
        public void read(String containerId, LogQuery query, Consumer<LogEntry> sink) {
            if (containerId.equals("c-many")) {
                IntStream.range(0, 1000).forEach(i -> sink.accept(new LogEntry("line " + i + "\n", i % 10 == 0 ? "stderr" : "stdout",
                        T.plusMillis(i))));
                return;
            }
            sink.accept(new LogEntry("first\n", "stdout", T));
            try {
                Thread.sleep(TimeUnit.HOURS.toMillis(1));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }
    }

    @Test
    void everyLogsMessageRoundTripsThroughTheBoundSerializer() {
        managers = ActorTestKit.create("shoal", WorkerOnAnotherSystemTest.config(0, "manager"));
        Serialization s = SerializationExtension.get(akka.actor.typed.javadsl.Adapter.toClassic(managers.system()));
        Object m = new LogsProtocol.Lines(List.of(new LogsProtocol.Line(true, T, "x\n")));
        assertThat(s.findSerializerFor(m)).isInstanceOf(LogsSerializer.class);
        assertThat(s.deserialize(s.serialize(m).get(), LogsSerializer.class.cast(s.findSerializerFor(m)).identifier(), "L").get())
                .isEqualTo(m);
    }

    @Test
    void aManagerPullsATasksLinesFromTheNodeInAnotherSystemAndCancelsItsFollow() throws Exception {
        managers = ActorTestKit.create("shoal", WorkerOnAnotherSystemTest.config(WorkerOnAnotherSystemTest.freePort(), "manager"));
        worker = ActorTestKit.create("shoal", WorkerOnAnotherSystemTest.config(WorkerOnAnotherSystemTest.freePort(), "worker"));
        Cluster.get(managers.system()).manager().tell(Join.create(Cluster.get(managers.system()).selfMember().address()));
        Cluster.get(worker.system()).manager().tell(Join.create(Cluster.get(managers.system()).selfMember().address()));
        Output output = new Output();
        worker.spawn(LogServer.create("w1", output, reads));
        RemoteTaskLogs logs = new RemoteTaskLogs(managers.system(), Duration.ofSeconds(5));
        LogsProtocol.Selection all = new LogsProtocol.Selection(true, true, null, -1, false);

        // The node's registration reaches the managers' Receptionist once the two have joined: until then, no lines.
        List<LogsProtocol.Line> lines = List.of();
        for (int i = 0; i < 300 && lines.isEmpty(); i++) {
            lines = logs.lines("w1", "many", all).runWith(Sink.seq(), managers.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (lines.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(lines).hasSize(1000);
        assertThat(lines.get(0)).isEqualTo(new LogsProtocol.Line(true, T, "line 0\n"));
        assertThat(lines.get(999)).isEqualTo(new LogsProtocol.Line(false, T.plusMillis(999), "line 999\n"));

        assertThat(logs.lines("w1", "gone", all).runWith(Sink.seq(), managers.system()).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isEmpty();
        assertThat(logs.lines("elsewhere", "many", all).runWith(Sink.seq(), managers.system()).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isEmpty();

        List<LogsProtocol.Line> first = logs.lines("w1", "quiet", new LogsProtocol.Selection(true, true, null, -1, true)).take(1)
                .runWith(Sink.seq(), managers.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(first).extracting(LogsProtocol.Line::text).containsExactly("first\n");
        assertThat(output.interrupted.await(30, TimeUnit.SECONDS)).as("the node's follow was interrupted").isTrue();
    }
}
