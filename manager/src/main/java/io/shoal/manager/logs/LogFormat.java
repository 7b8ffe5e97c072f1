package io.shoal.manager.logs;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * How dockerd writes a service's log lines (its {@code WriteLogStream}): with {@code details} the line is prefixed
 * by its attributes ({@code com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…},
 * sorted by key, query-escaped, then a space) — which {@code docker service logs} parses to print
 * {@code name.slot.task@node | line}; with {@code timestamps} an RFC 3339 time with nine fraction digits goes
 * first. Without a TTY each line is one frame of the multiplexed stream (8-byte header: stream 1 or 2, three zero
 * bytes, big-endian length) — one frame per line, as the docker CLI's formatter requires; with one, bytes as they are.
 * Pure: no Akka, no I/O.
 */
public record LogFormat(boolean multiplexed, boolean timestamps, boolean details) {
    public static final String NODE_ID = "com.docker.swarm.node.id";
    public static final String SERVICE_ID = "com.docker.swarm.service.id";
    public static final String TASK_ID = "com.docker.swarm.task.id";
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The bytes of one message: a frame, or the raw line with a TTY. */
    public byte[] encode(LogMessage m) {
        byte[] payload = line(m).getBytes(StandardCharsets.UTF_8);
        if (!multiplexed) {
            return payload;
        }
        byte[] out = new byte[8 + payload.length];
        out[0] = m.line().stderr() ? STDERR : STDOUT;
        int n = payload.length;
        out[4] = (byte) (n >>> 24);
        out[5] = (byte) (n >>> 16);
        out[6] = (byte) (n >>> 8);
        out[7] = (byte) n;
        System.arraycopy(payload, 0, out, 8, n);
        return out;
    }

    /** The text of one message with its prefixes. */
    public String line(LogMessage m) {
        StringBuilder sb = new StringBuilder();
        if (timestamps) {
            sb.append(TIME.format(m.line().time())).append(' ');
        }
        if (details) {
            sb.append(attributes(Map.of(NODE_ID, m.nodeId(), SERVICE_ID, m.serviceId(), TASK_ID, m.taskId()))).append(' ');
        }
        return sb.append(m.line().text()).toString();
    }

    /** {@code k=v,k=v} sorted by key, each side escaped as Go's {@code url.QueryEscape} does. */
    static String attributes(Map<String, String> attrs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(attrs).entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(queryEscape(e.getKey())).append('=').append(queryEscape(e.getValue()));
        }
        return sb.toString();
    }

    static String queryEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
