package io.shoal.manager.state;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the cluster state runs: how often the orchestrators re-check without a change, how many ended
 * tasks each slot keeps, and how many events between snapshots.
 */
public record ClusterStateSettings(Duration reconcileInterval, long taskHistoryLimit, int snapshotEvery) {
    public static ClusterStateSettings from(Config c) {
        Config s = c.getConfig("shoal.cluster-state");
        return new ClusterStateSettings(s.getDuration("reconcile-interval"), s.getLong("task-history-limit"),
                s.getInt("snapshot-every"));
    }
}
