package io.shoal.manager.dispatch;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the dispatcher runs: the heartbeat period it asks of workers, how many periods may pass before a
 * node is down, how often it flushes status batches and pushes assignment changes, and how often each worker
 * gets its complete assignment set again (remoting may drop a change; the next complete set repairs it).
 * {@code startupGrace}: how long a dispatcher that just started (a manager restarted or failed over) lets the
 * nodes it has never heard from reconnect before it marks them down, as swarmkit's dispatcher gives nodes
 * of unknown state a grace period after an election: the workers are still running their tasks, and
 * marking them down would replace every task for nothing.
 */
public record DispatcherSettings(Duration heartbeatPeriod, int missedHeartbeats, Duration batchInterval,
                                 Duration fullSyncInterval, Duration startupGrace) {
    public static final Duration DEFAULT_FULL_SYNC = Duration.ofSeconds(10);

    public DispatcherSettings(Duration heartbeatPeriod, int missedHeartbeats, Duration batchInterval) {
        this(heartbeatPeriod, missedHeartbeats, batchInterval, DEFAULT_FULL_SYNC, Duration.ZERO);
    }

    public DispatcherSettings {
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("shoal.dispatcher.missed-heartbeats must be at least 1, got " + missedHeartbeats);
        }
    }

    public static DispatcherSettings from(Config c) {
        Config d = c.getConfig("shoal.dispatcher");
        return new DispatcherSettings(d.getDuration("heartbeat-period"), d.getInt("missed-heartbeats"),
                d.getDuration("batch-interval"), d.getDuration("full-sync-interval"), d.getDuration("startup-grace"));
    }

    /** How long a session lives without a heartbeat. */
    public Duration sessionTimeout() {
        return heartbeatPeriod.multipliedBy(missedHeartbeats);
    }
}
