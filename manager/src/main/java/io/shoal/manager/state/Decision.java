package io.shoal.manager.state;

import java.util.List;
import org.slf4j.Logger;

/** A command's outcome before it is persisted: the events to write, the reply, and the one log line. */
public record Decision<T>(List<ClusterEvent> events, Result<T> result, String logFormat, Object[] logArgs) {

    public static <T> Decision<T> rejected(Result.Reason reason, String message) {
        return new Decision<>(List.of(), Result.rejected(reason, message), null, null);
    }

    public static <T> Decision<T> of(List<ClusterEvent> events, T value, String logFormat, Object... logArgs) {
        return new Decision<>(events, Result.ok(value), logFormat, logArgs);
    }

    void logTo(Logger log) {
        if (logFormat != null) {
            log.info(logFormat, logArgs);
        }
    }
}
