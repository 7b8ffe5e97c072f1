package io.shoal.engine.logs;

import java.time.Instant;

/** One line of a container's output, in Docker's json-file shape: {@code {"log","stream","time"}}. */
public record LogEntry(String log, String stream, Instant time) {

    /**
     * Parses one line of the monitor's k8s-file log ({@code <RFC3339Nano> <stream> <P|F> <text>}); a full line (F)
     * gets back the newline the monitor stripped, a partial one (P) does not. Null for a malformed line.
     */
    public static LogEntry fromK8s(String line) {
        String[] f = line.split(" ", 4);
        if (f.length < 3) {
            return null;
        }
        String text = f.length == 4 ? f[3] : "";
        try {
            return new LogEntry(f[2].equals("P") ? text : text + "\n", f[1],
                    java.time.OffsetDateTime.parse(f[0]).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The line Docker's json-file driver would have written. */
    public String toDockerJson() {
        StringBuilder sb = new StringBuilder("{\"log\":\"");
        for (char c : log.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append("\",\"stream\":\"").append(stream).append("\",\"time\":\"").append(time).append("\"}")
                .toString();
    }
}
