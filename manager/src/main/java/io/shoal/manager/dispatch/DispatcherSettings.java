package io.shoal.manager.dispatch;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the dispatcher runs: the heartbeat period it asks of workers, how many periods may pass before a
 * node is down, how often it flushes status batches and pushes assignment changes, and how often each worker
 * gets its complete assignment set again (remoting may drop a change; the next complete set repairs it).
 */
public record DispatcherSettings(Duration heartbeatPeriod, int missedHeartbeats, Duration batchInterval,
                                 Duration fullSyncInterval) {
    public static final Duration DEFAULT_FULL_SYNC = Duration.ofSeconds(10);

    public DispatcherSettings(Duration heartbeatPeriod, int missedHeartbeats, Duration batchInterval) {
        this(heartbeatPeriod, missedHeartbeats, batchInterval, DEFAULT_FULL_SYNC);
    }

    public DispatcherSettings {
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("shoal.dispatcher.missed-heartbeats must be at least 1, got " + missedHeartbeats);
        }
    }

    public static DispatcherSettings from(Config c) {
        Config d = c.getConfig("shoal.dispatcher");
        return new DispatcherSettings(d.getDuration("heartbeat-period"), d.getInt("missed-heartbeats"),
                d.getDuration("batch-interval"), d.getDuration("full-sync-interval"));
    }

    /** How long a session lives without a heartbeat. */
    public Duration sessionTimeout() {
        return heartbeatPeriod.multipliedBy(missedHeartbeats);
    }
}
