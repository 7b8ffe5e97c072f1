package io.shoal.api.logs;

import java.time.Instant;
import java.util.List;

/**
 * How a manager reads a task's output from the node that runs it, as Swarm's log broker does: it sends
 * {@link Subscribe} to that node's log server (found through the Receptionist under {@link #serviceKey}), which
 * answers {@link Opened} with a stream reference the manager pulls {@link Lines} from (with backpressure; cancelling
 * it stops the node's follow), or {@link Unavailable}. References travel in their serialized string form, so this
 * module stays free of Akka; every record here crosses hosts and is protobuf-encoded by
 * {@link io.shoal.api.proto.LogsProto}.
 */
public final class LogsProtocol {
    private static final String SERVICE_KEY_PREFIX = "shoal-logs-";

    private LogsProtocol() {}

    /** The Receptionist key id of the log server of node {@code nodeId}. */
    public static String serviceKey(String nodeId) {
        return SERVICE_KEY_PREFIX + nodeId;
    }

    /** Marker of the records below (each is serialized). */
    public sealed interface Wire {}

    /** What a node answers to {@link Subscribe}. */
    public sealed interface Reply extends Wire {}

    /**
     * Which lines of a task's container to send: the streams, lines at or after {@code since} (null: all), only the
     * last {@code tail} lines already written (-1: all), then with {@code follow} new lines until the container exits.
     */
    public record Selection(boolean stdout, boolean stderr, Instant since, int tail, boolean follow) {}

    /** Asks for the output of task {@code taskId}; {@code replyTo} is the serialized reference of a {@link Reply} receiver. */
    public record Subscribe(String taskId, Selection selection, String replyTo) implements Wire {}

    /** The output is on its way: {@code sourceRef} is the serialized reference of a source of {@link Lines}. */
    public record Opened(String sourceRef, boolean tty) implements Reply {}

    /** This node has no container for the task (never ran here, or removed), or cannot read it. */
    public record Unavailable(String reason) implements Reply {}

    /** One line of output (a partial line, without its newline, when the container wrote one). */
    public record Line(boolean stderr, Instant time, String text) {}

    /** The element of the stream: lines sent together to spare a remote message per line. */
    public record Lines(List<Line> lines) implements Wire {}
}
