package io.shoal.worker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.stream.SourceRef;
import akka.stream.StreamRefResolver;
import akka.stream.javadsl.Sink;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LogServerTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final ExecutorService READS = Executors.newCachedThreadPool();
    static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
        READS.shutdownNow();
    }

    /** Two finished containers, and one whose follow blocks after its first line until its reader is interrupted. */
    static final class FakeOutput implements TaskOutput {
        final Map<String, List<LogEntry>> written = Map.of(
                "c1", List.of(new LogEntry("one\n", "stdout", T), new LogEntry("oops\n", "stderr", T.plusSeconds(1))),
                "c2", List.of(new LogEntry("two\n", "stdout", T)));
        final CountDownLatch interrupted = new CountDownLatch(1);
        volatile LogQuery lastQuery;

        @Override
        public Optional<Container> containerOf(String taskId) {
            return switch (taskId) {
                case "t1" -> Optional.of(new Container("c1", false));
                case "t2" -> Optional.of(new Container("c2", true));
                case "quiet" -> Optional.of(new Container("q", false));
                default -> Optional.empty();
            };
        }

        @Override
        public void read(String containerId, LogQuery query, Consumer<LogEntry> sink) {
            lastQuery = query;
            if (!containerId.equals("q")) {
                written.get(containerId).stream().filter(query::accepts).forEach(sink);
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

    final FakeOutput output = new FakeOutput();
    final ActorRef<LogsProtocol.Subscribe> server = KIT.spawn(LogServer.create("n1", output, READS));

    LogsProtocol.Reply subscribe(String task, LogsProtocol.Selection selection) {
        TestProbe<LogsProtocol.Reply> probe = KIT.createTestProbe();
        server.tell(new LogsProtocol.Subscribe(task, selection,
                ActorRefResolver.get(KIT.system()).toSerializationFormat(probe.getRef())));
        return probe.receiveMessage();
    }

    List<LogsProtocol.Line> pull(LogsProtocol.Opened opened, long max) throws Exception {
        SourceRef<LogsProtocol.Lines> ref = StreamRefResolver.get(KIT.system()).resolveSourceRef(opened.sourceRef());
        return ref.getSource().mapConcat(LogsProtocol.Lines::lines).take(max).runWith(Sink.seq(), KIT.system())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTaskWithoutAContainerHereIsUnavailableNamingIt() {
        LogsProtocol.Reply reply = subscribe("t9", new LogsProtocol.Selection(true, true, null, -1, false));
        assertThat(reply).isEqualTo(new LogsProtocol.Unavailable("no container of task t9 on this node"));
    }

    @Test
    void theSelectedLinesArriveThroughTheStreamReferenceWithTheirStreamAndTime() throws Exception {
        LogsProtocol.Reply reply = subscribe("t1", new LogsProtocol.Selection(false, true, null, 5, false));
        assertThat(reply).isInstanceOf(LogsProtocol.Opened.class);
        assertThat(((LogsProtocol.Opened) reply).tty()).isFalse();
        assertThat(pull((LogsProtocol.Opened) reply, Long.MAX_VALUE))
                .containsExactly(new LogsProtocol.Line(true, T.plusSeconds(1), "oops\n"));
        assertThat(output.lastQuery).isEqualTo(LogQuery.all().withStreams(false, true).withTail(5));
        assertThat(((LogsProtocol.Opened) subscribe("t2", new LogsProtocol.Selection(true, true, null, -1, false))).tty()).isTrue();
    }

    @Test
    void cancellingTheStreamInterruptsAQuietFollow() throws Exception {
        LogsProtocol.Reply reply = subscribe("quiet", new LogsProtocol.Selection(true, true, T, -1, true));
        assertThat(pull((LogsProtocol.Opened) reply, 1)).extracting(LogsProtocol.Line::text).containsExactly("first\n");
        assertThat(output.interrupted.await(30, TimeUnit.SECONDS)).as("the blocked read was interrupted").isTrue();
        assertThat(output.lastQuery.follow()).isTrue();
        assertThat(output.lastQuery.since()).isEqualTo(T);
    }
}
