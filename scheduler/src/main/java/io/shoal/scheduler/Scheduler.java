package io.shoal.scheduler;

import io.shoal.scheduler.filter.FilterPipeline;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.PlacementRequest;
import java.util.List;

/**
 * Shoal's scheduler: given the cluster's snapshot and batches of identical tasks, decides which node
 * runs each task or why none can. Pure and deterministic: no clock, no I/O, no shared state; one
 * instance can serve every tick.
 */
public final class Scheduler {
    private final SchedulerSettings settings;
    private final FilterPipeline pipeline;

    public Scheduler(SchedulerSettings settings) {
        this(settings, FilterPipeline.standard());
    }

    public Scheduler(SchedulerSettings settings, FilterPipeline pipeline) {
        this.settings = settings;
        this.pipeline = pipeline;
    }

    /** Places the batches in order; later batches see the placements of earlier ones. */
    public Plan plan(ClusterView view, List<PlacementRequest> batches) {
        SchedulingSession session = open(view);
        for (PlacementRequest batch : batches) {
            session.place(batch);
        }
        return session.plan();
    }

    /** A session over one snapshot, to place batches one at a time (the benchmarks time each batch). */
    public SchedulingSession open(ClusterView view) {
        return new SchedulingSession(view, settings, pipeline);
    }
}
