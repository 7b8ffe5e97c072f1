package io.shoal.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WorkerAgentTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void reportsTheNodeAtStartAndOnEveryHeartbeat() throws Exception {
        var reports = new LinkedBlockingQueue<Node.Description>();
        var description = new Node.Description("h1", new Platform("x86_64", "linux"), new ResourceObject(2_000_000_000L, 1L << 30, null),
                new Node.Engine("0.1.0", null));
        KIT.spawn(WorkerAgent.create(() -> description, () -> new Node.Status("ready", null, "127.0.0.1"),
                (d, s) -> {
                    reports.add(d);
                    return CompletableFuture.completedFuture(reports.size() > 1);
                }, Duration.ofMillis(50)));
        assertThat(reports.poll(5, TimeUnit.SECONDS)).isEqualTo(description);
        assertThat(reports.poll(5, TimeUnit.SECONDS)).isEqualTo(description);
    }
}
