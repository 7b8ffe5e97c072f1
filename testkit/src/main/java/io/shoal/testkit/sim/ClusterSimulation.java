package io.shoal.testkit.sim;

import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.SchedulerSettings;
import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.PlacementRequest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded, in-memory cluster of fake workers driven by the real scheduler. Each step applies one
 * random event (nodes join, leave, drain, pause, fail and recover; services are created, scaled and
 * removed), lets the orchestrator create or remove tasks, asks the scheduler to place every pending
 * task from a fresh snapshot, applies the plan, and checks the {@link Invariants}. No clock and no
 * threads: a seed replays exactly.
 */
public final class ClusterSimulation {
    private final SimulationSettings settings;
    private final SimCluster cluster = new SimCluster();
    private final SimEvents events;
    private final Scheduler scheduler;
    private final Invariants invariants;
    private final Map<String, Integer> eventCounts = new TreeMap<>();
    private int step;
    private long placements;
    private long explanations;

    public ClusterSimulation(SimulationSettings settings) {
        this.settings = settings;
        SplittableRandom random = new SplittableRandom(settings.seed());
        this.events = new SimEvents(cluster, random);
        this.scheduler = new Scheduler(SchedulerSettings.defaults().withSeed(settings.seed()));
        this.invariants = new Invariants(settings.seed());
        for (int i = 0; i < settings.initialNodes(); i++) {
            events.join();
        }
    }

    /** Runs every step; stops early after the first step that broke an invariant. */
    public SimulationReport run() {
        while (step < settings.steps() && invariants.found().isEmpty()) {
            step();
        }
        return report();
    }

    /** One event, one scheduling tick, one round of checks. */
    public void step() {
        step++;
        eventCounts.merge(events.next(), 1, Integer::sum);
        cluster.reconcile();
        Map<String, Usage> usage = cluster.usage();
        List<PlacementRequest> batches = cluster.pendingBatches();
        Plan plan = scheduler.plan(ClusterView.of(cluster.nodeViews(usage)), batches);
        invariants.checkTick(step, cluster, usage, batches, plan);
        for (Placement p : plan.placements()) {
            SimTask t = cluster.tasks.get(p.taskId());
            t.nodeId = p.nodeId();
            t.generic = p.genericResources();
            t.pendingReason = null;
        }
        for (Unplaceable u : plan.unplaceable()) {
            cluster.tasks.get(u.taskId()).pendingReason = u.reason();
        }
        placements += plan.placements().size();
        explanations += plan.unplaceable().size();
    }

    public SimulationReport report() {
        int running = (int) cluster.tasks.values().stream().filter(t -> !t.pending()).count();
        return new SimulationReport(settings.seed(), step, cluster.nodes.size(), cluster.services.size(), running,
                cluster.tasks.size() - running, placements, explanations, eventCounts, invariants.found());
    }
}
