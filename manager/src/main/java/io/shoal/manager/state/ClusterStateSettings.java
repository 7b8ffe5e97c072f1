package io.shoal.manager.state;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the cluster state runs: how often the orchestrators re-check without a change, how many ended
 * tasks each slot keeps, how many events between snapshots, and the dispatcher heartbeat period a new swarm
 * records (the dispatcher's configured one, so {@code docker swarm inspect} tells the period in force).
 */
public record ClusterStateSettings(Duration reconcileInterval, long taskHistoryLimit, int snapshotEvery,
                                   Duration heartbeatPeriod) {

    public ClusterStateSettings(Duration reconcileInterval, long taskHistoryLimit, int snapshotEvery) {
        this(reconcileInterval, taskHistoryLimit, snapshotEvery, Duration.ofNanos(Decisions.DEFAULT_HEARTBEAT_NANOS));
    }

    public static ClusterStateSettings from(Config c) {
        Config s = c.getConfig("shoal.cluster-state");
        return new ClusterStateSettings(s.getDuration("reconcile-interval"), s.getLong("task-history-limit"),
                s.getInt("snapshot-every"), c.getDuration("shoal.dispatcher.heartbeat-period"));
    }
}
