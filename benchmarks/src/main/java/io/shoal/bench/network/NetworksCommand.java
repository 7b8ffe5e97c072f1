package io.shoal.bench.network;

import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.TaskSpec;
import io.shoal.manager.network.NetworkDecisions;
import io.shoal.manager.network.ServiceEndpoints;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.Decision;
import io.shoal.manager.state.Decisions;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code shoal-bench networks [--tasks N] [--runs K]}: what the managers' network decisions cost at scale.
 * Creates a service of N replicas once without networks and once on an overlay (/16) publishing an ingress
 * port, through the same pure decisions the cluster state runs (orchestrator, scheduler, IPAM), and applies
 * the events. Prints the median of K runs of each and the difference per task.
 */
public final class NetworksCommand {
    private NetworksCommand() {}

    public static void run(String[] args, PrintStream out) {
        int tasks = 10_000;
        int runs = 5;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (tasks < 1 || tasks > 60_000 || runs < 1) {
            throw new IllegalArgumentException("--tasks must be within 1..60000 (one /16) and --runs at least 1");
        }
        long[] plain = new long[runs];
        long[] networked = new long[runs];
        for (int r = 0; r < runs; r++) {
            plain[r] = createService(tasks, false);
            networked[r] = createService(tasks, true);
        }
        long p = median(plain);
        long n = median(networked);
        out.println("tasks=" + tasks);
        out.println("runs=" + runs);
        out.println(String.format(Locale.ROOT, "create_service_ms=%.1f", p / 1e6));
        out.println(String.format(Locale.ROOT, "create_service_on_network_ms=%.1f", n / 1e6));
        out.println(String.format(Locale.ROOT, "network_cost_per_task_us=%.2f", (n - p) / 1e3 / tasks));
    }

    /** Nanoseconds to decide and apply the creation of one service of {@code tasks} replicas. */
    static long createService(int tasks, boolean onNetwork) {
        AtomicLong ids = new AtomicLong();
        Clock clock = Clock.fixed(Nodes.T0, ZoneOffset.UTC);
        Decisions decisions = new Decisions(clock, () -> String.format("id%023d", ids.incrementAndGet()));
        NetworkDecisions networks = new NetworkDecisions(clock, () -> String.format("nw%023d", ids.incrementAndGet()));
        State state = State.empty();
        apply(state, decisions, networks.withIngress(state, decisions.initSwarm(state, Nodes.manager("node1"))));
        ServiceSpec spec = Services.replicated("web", tasks);
        if (onNetwork) {
            apply(state, decisions, networks.create(state, new NetworkSpec("backend", "overlay", null, null, false, false, false,
                    new NetworkSpec.Ipam(null, List.of(new NetworkSpec.IpamConfig("10.100.0.0/16", null, null)), null))));
            TaskSpec t = spec.taskTemplate();
            spec = new ServiceSpec("web", null, new TaskSpec(t.containerSpec(), null, null, null,
                    List.of(new TaskSpec.NetworkAttachmentConfig("backend", null, null)), null, null, null),
                    spec.mode(), null, null, new ServiceSpec.EndpointSpec("vip", List.of(new ServiceSpec.PortConfig(null, "tcp", 80, 8080, "ingress"))));
        }
        long start = System.nanoTime();
        Decision<Service> d = ServiceEndpoints.decide(state, decisions.createService(state, spec));
        apply(state, decisions, d);
        long took = System.nanoTime() - start;
        if (state.tasks().size() != tasks) {
            throw new IllegalStateException("expected " + tasks + " tasks, got " + state.tasks().size());
        }
        return took;
    }

    private static <T> void apply(State state, Decisions decisions, Decision<T> d) {
        if (!(d.result() instanceof Result.Ok<T>)) {
            throw new IllegalStateException("refused: " + d.result());
        }
        for (ClusterEvent e : decisions.withReconciliation(state, d.events(), 5)) {
            state.apply(e);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
