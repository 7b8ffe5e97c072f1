package io.shoal.engine.logs;

import java.time.Instant;

/**
 * Which of a container's log entries to read, as {@code docker logs} asks: the streams, entries at or after
 * {@code since} and at or before {@code until} (null: no bound), only the last {@code tail} entries of what is
 * already written (-1: all; 0: none, only what follows), and whether to keep following until the container exits.
 * Timestamps are always in {@link LogEntry#time()}; printing them is the caller's choice.
 */
public record LogQuery(boolean stdout, boolean stderr, Instant since, Instant until, int tail, boolean follow) {

    public static LogQuery all() {
        return new LogQuery(true, true, null, null, -1, false);
    }

    public LogQuery withFollow(boolean value) {
        return new LogQuery(stdout, stderr, since, until, tail, value);
    }

    public LogQuery withTail(int value) {
        return new LogQuery(stdout, stderr, since, until, value, follow);
    }

    public LogQuery withSince(Instant value) {
        return new LogQuery(stdout, stderr, value, until, tail, follow);
    }

    public LogQuery withUntil(Instant value) {
        return new LogQuery(stdout, stderr, since, value, tail, follow);
    }

    public LogQuery withStreams(boolean out, boolean err) {
        return new LogQuery(out, err, since, until, tail, follow);
    }

    /** Does an entry pass the stream and time filters? */
    public boolean accepts(LogEntry e) {
        boolean stream = e.stream().equals("stderr") ? stderr : stdout;
        return stream && (since == null || !e.time().isBefore(since)) && (until == null || !e.time().isAfter(until));
    }
}
