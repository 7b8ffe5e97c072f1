package io.shoal.worker.agent;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the agent keeps its session: the heartbeat period until the dispatcher names its own, how many
 * unanswered periods mean the session is lost, and how often status batches go out.
 */
public record WorkerSettings(Duration heartbeatPeriod, int missedHeartbeats, Duration statusInterval) {
    public static WorkerSettings from(Config c) {
        Config w = c.getConfig("shoal.worker");
        return new WorkerSettings(w.getDuration("heartbeat-period"), w.getInt("missed-heartbeats"),
                w.getDuration("status-interval"));
    }
}
