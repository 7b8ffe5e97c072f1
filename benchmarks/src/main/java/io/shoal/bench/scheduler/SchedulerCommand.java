package io.shoal.bench.scheduler;

import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.SchedulerSettings;
import io.shoal.scheduler.SchedulingSession;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.PlacementRequest;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code shoal-bench scheduler}: generates a {@link SyntheticCluster}, places every service once per
 * warm-up run and once more measured, one batch per service, timing each batch.
 */
public final class SchedulerCommand {
    private SchedulerCommand() {}

    /** Parsed command-line options. */
    public record Options(int nodes, int tasks, int services, long seed, Shape shape, int warmup) {

        public static Options parse(String[] args) {
            int nodes = 5_000;
            int tasks = 100_000;
            int services = 1_000;
            long seed = 1;
            Shape shape = Shape.MIXED;
            int warmup = 10;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--nodes":
                        nodes = positive(flag, value);
                        break;
                    case "--tasks":
                        tasks = positive(flag, value);
                        break;
                    case "--services":
                        services = positive(flag, value);
                        break;
                    case "--seed":
                        seed = Long.parseLong(value);
                        break;
                    case "--shape":
                        shape = Shape.parse(value);
                        break;
                    case "--warmup":
                        warmup = Integer.parseInt(value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            return new Options(nodes, tasks, services, seed, shape, warmup);
        }

        private static int positive(String flag, String value) {
            int v;
            try {
                v = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, got " + value);
            }
            if (v <= 0) {
                throw new IllegalArgumentException(flag + " must be positive");
            }
            return v;
        }
    }

    public static void run(Options o, PrintStream out) {
        long t0 = System.nanoTime();
        SyntheticCluster cluster = SyntheticCluster.generate(o.nodes(), o.tasks(), o.services(), o.seed(), o.shape());
        long generated = System.nanoTime();
        Scheduler scheduler = new Scheduler(SchedulerSettings.defaults().withSeed(o.seed()));
        for (int i = 0; i < o.warmup(); i++) {
            placeAll(scheduler, ClusterView.of(cluster.nodes()), cluster, new long[cluster.batches().size()]);
        }
        long viewStart = System.nanoTime();
        ClusterView view = ClusterView.of(cluster.nodes());
        long viewBuilt = System.nanoTime();
        long[] batchNanos = new long[cluster.batches().size()];
        Plan plan = placeAll(scheduler, view, cluster, batchNanos);
        long placeNanos = Arrays.stream(batchNanos).sum();
        Arrays.sort(batchNanos);
        int placed = plan.placements().size();
        print(out, "benchmark", "scheduler");
        print(out, "nodes", o.nodes());
        print(out, "tasks", o.tasks());
        print(out, "services", o.services());
        print(out, "seed", o.seed());
        print(out, "shape", o.shape().name().toLowerCase(Locale.ROOT));
        print(out, "warmup_runs", o.warmup());
        print(out, "cpus", Runtime.getRuntime().availableProcessors());
        print(out, "java", System.getProperty("java.version"));
        print(out, "generate_ms", ms(generated - t0));
        print(out, "view_build_ms", ms(viewBuilt - viewStart));
        print(out, "placed", placed);
        print(out, "unplaceable", plan.unplaceable().size());
        print(out, "batches", batchNanos.length);
        print(out, "place_ms", ms(placeNanos));
        print(out, "placements_per_second", Math.round(placed / (placeNanos / 1e9)));
        print(out, "tasks_per_second_with_view", Math.round(o.tasks() / ((placeNanos + viewBuilt - viewStart) / 1e9)));
        print(out, "p50_batch_ms", ms(percentile(batchNanos, 0.50)));
        print(out, "p99_batch_ms", ms(percentile(batchNanos, 0.99)));
        print(out, "max_batch_ms", ms(batchNanos.length == 0 ? 0 : batchNanos[batchNanos.length - 1]));
        if (!plan.unplaceable().isEmpty()) {
            print(out, "first_unplaceable_reason", plan.unplaceable().get(0).reason());
        }
    }

    private static Plan placeAll(Scheduler scheduler, ClusterView view, SyntheticCluster cluster, long[] batchNanos) {
        SchedulingSession session = scheduler.open(view);
        int i = 0;
        for (PlacementRequest batch : cluster.batches()) {
            long start = System.nanoTime();
            session.place(batch);
            batchNanos[i++] = System.nanoTime() - start;
        }
        return session.plan();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static void print(PrintStream out, String name, Object value) {
        out.println(name + "=" + value);
    }
}
