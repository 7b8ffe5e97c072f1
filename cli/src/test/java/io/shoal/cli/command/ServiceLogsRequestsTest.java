package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code shoal service logs}: the request it sends, and how it prints Docker's multiplexed, detailed log stream. */
class ServiceLogsRequestsTest {
    static final String SVC = "svc0000000000000000000001";
    static final String T1 = "task1aaaaaaaaaaaaaaaaaaaa";
    static final String T2 = "task2bbbbbbbbbbbbbbbbbbbb";

    static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.nio.ByteBuffer.allocate(8 + payload.length).put((byte) stream).put(new byte[3]).putInt(payload.length)
                .put(payload).array();
    }

    static byte[] frames(byte[]... frames) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    static String details(String node, String task) {
        return "com.docker.swarm.node.id=" + node + ",com.docker.swarm.service.id=" + SVC + ",com.docker.swarm.task.id=" + task;
    }

    private final FakeDaemon daemon = new FakeDaemon()
            .on("GET /services/web", 200, "{\"ID\":\"" + SVC + "\",\"Spec\":{\"Name\":\"web\",\"Mode\":{\"Replicated\":{\"Replicas\":10}}}}")
            .on("GET /services/" + SVC, 200, "{\"ID\":\"" + SVC + "\",\"Spec\":{\"Name\":\"web\"}}")
            .onBinary("GET /services/" + SVC + "/logs", frames(frame(1, details("n1", T1) + " hello\n"),
                    frame(2, details("n2", T2) + " oops\n"), frame(1, details("n1", T1) + " again\n")))
            .on("GET /tasks/" + T1, 200, "{\"ID\":\"" + T1 + "\",\"Slot\":1,\"Spec\":{\"ContainerSpec\":{}}}")
            .on("GET /tasks/" + T2, 200, "{\"ID\":\"" + T2 + "\",\"Slot\":10}")
            .onBinary("GET /tasks/" + T1 + "/logs", frame(1, "2026-11-23T08:00:00.000000000Z " + details("n1", T1) + " hello\n"))
            .on("GET /nodes/n1", 200, "{\"ID\":\"n1\",\"Description\":{\"Hostname\":\"host1\"}}")
            .on("GET /nodes/n2", 200, "{\"ID\":\"n2\",\"Description\":{\"Hostname\":\"\"}}")
            .on("GET /services/term", 200, "{\"ID\":\"t\",\"Spec\":{\"Name\":\"term\",\"TaskTemplate\":{\"ContainerSpec\":{\"TTY\":true}}}}")
            .on("GET /services/nope", 404, "{\"message\":\"service nope not found\"}")
            .on("GET /tasks/nope", 404, "{\"message\":\"task nope not found\"}");

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void eachLineIsPrefixedWithItsTaskAndNodeAndGoesToItsStream() {
        Cli.Result r = Cli.run(daemon.address(), "service", "logs", "--tail", "5", "-f", "web");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("web.1.task1aaaaaaa@host1     | hello\nweb.1.task1aaaaaaa@host1     | again\n");
        assertThat(r.err()).isEqualTo("web.10.task2bbbbbbb@n2    | oops\n");
        assertThat(daemon.targets()).contains("GET /v1.49/services/" + SVC
                + "/logs?stdout=1&stderr=1&details=1&follow=1&tail=5&timestamps=0");
    }

    @Test
    void aTaskIdGetsThatTasksLogsWithTimestampsFirst() {
        Cli.Result r = Cli.run(daemon.address(), "service", "logs", "-t", "--no-task-ids", "--tail", "-3", T1);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("2026-11-23T08:00:00.000000000Z web.1@host1    | hello\n");
        assertThat(daemon.targets()).contains("GET /v1.49/tasks/" + T1 + "/logs?stdout=1&stderr=1&details=1&follow=0&tail=all&timestamps=1");
    }

    @Test
    void rawPrintsTheLinesAsSentAndSinceBecomesAUnixTime() {
        Cli.Result r = Cli.run(daemon.address(), "service", "logs", "--raw", "--since", "2m", "web");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(details("n1", T1) + " hello\n");
        assertThat(daemon.targets()).anyMatch(t -> t.contains("details=0") && t.endsWith("&since=" + (Cli.NOW.getEpochSecond() - 120)
                + "." + String.format("%09d", Cli.NOW.getNano())));
    }

    @Test
    void refusalsSayWhy() {
        Cli.Result none = Cli.run(daemon.address(), "service", "logs", "nope");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no such task or service: nope");
        Cli.Result tty = Cli.run(daemon.address(), "service", "logs", "term");
        assertThat(tty.code()).isEqualTo(1);
        assertThat(tty.err()).contains("tty service logs only supported with --raw");
        Cli.Result since = Cli.run(daemon.address(), "service", "logs", "--since", "yesterday", "web");
        assertThat(since.code()).isNotZero();
        assertThat(since.err()).contains("invalid --since \"yesterday\"");
    }
}
