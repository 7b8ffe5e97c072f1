package io.shoal.bench.simulation;

import io.shoal.testkit.sim.ClusterSimulation;
import io.shoal.testkit.sim.SimulationReport;
import io.shoal.testkit.sim.SimulationSettings;
import io.shoal.testkit.sim.Violation;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code shoal-bench simulate --nodes N --steps K [--seed X]}: the test suite's {@link ClusterSimulation}
 * at sizes too large for a unit test, checking every invariant after every step. Prints the report as
 * {@code name=value} lines; fails (status 1) if an invariant broke.
 */
public final class SimulateCommand {
    private SimulateCommand() {}

    public static int run(String[] args, PrintStream out) {
        int nodes = 5_000;
        int steps = 500;
        long seed = 1;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--nodes":
                    nodes = Integer.parseInt(value);
                    break;
                case "--steps":
                    steps = Integer.parseInt(value);
                    break;
                case "--seed":
                    seed = Long.parseLong(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        SimulationReport r = new ClusterSimulation(new SimulationSettings(seed, nodes, steps)).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println("benchmark=simulate");
        out.println("seed=" + r.seed());
        out.println("steps=" + r.steps());
        out.println("nodes=" + r.nodes());
        out.println("services=" + r.services());
        out.println("running_tasks=" + r.runningTasks());
        out.println("pending_tasks=" + r.pendingTasks());
        out.println("placements=" + r.placements());
        out.println("explanations=" + r.explanations());
        r.events().forEach((e, n) -> out.println("event_" + e.replaceAll("[^a-z]+", "_").replaceAll("_$", "") + "=" + n));
        out.println("violations=" + r.violations().size());
        for (Violation v : r.violations()) {
            out.println("violation=" + v);
        }
        out.println("seconds=" + String.format(Locale.ROOT, "%.3f", seconds));
        out.println("steps_per_second=" + String.format(Locale.ROOT, "%.1f", r.steps() / seconds));
        return r.violations().isEmpty() ? 0 : 1;
    }
}
