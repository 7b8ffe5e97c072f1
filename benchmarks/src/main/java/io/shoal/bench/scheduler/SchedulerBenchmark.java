package io.shoal.bench.scheduler;

import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.SchedulerSettings;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.view.ClusterView;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole plan (view built, every service placed) per operation, named by scale: nodes ∈ {1k, 5k,
 * 10k} × tasks ∈ {10k, 100k} × shape ∈ {plain, constraints, preferences, mixed}, with 100 tasks per
 * service. Run: {@code java -cp 'benchmarks/target/lib/*' org.openjdk.jmh.Main SchedulerBenchmark}
 * (add {@code -p nodes=5000 -p tasks=100000} to pick one scale).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SchedulerBenchmark {

    @Param({"1000", "5000", "10000"})
    public int nodes;

    @Param({"10000", "100000"})
    public int tasks;

    @Param({"plain", "constraints", "preferences", "mixed"})
    public String shape;

    private SyntheticCluster cluster;
    private Scheduler scheduler;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = SyntheticCluster.generate(nodes, tasks, Math.max(1, tasks / 100), 42, Shape.parse(shape));
        scheduler = new Scheduler(SchedulerSettings.defaults().withSeed(42));
    }

    @Benchmark
    public Plan placeEverything() {
        return scheduler.plan(ClusterView.of(cluster.nodes()), cluster.batches());
    }
}
