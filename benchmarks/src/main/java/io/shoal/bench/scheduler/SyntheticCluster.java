package io.shoal.bench.scheduler;

import io.shoal.scheduler.view.NodeRole;
import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.NodeViewBuilder;
import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.PlacementRequest;
import io.shoal.scheduler.view.PublishedPort;
import io.shoal.scheduler.view.Reservations;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random but realistic cluster and workload from a seed: nodes in three data centers and twenty
 * racks per data center, mixed sizes, some arm64, some with GPUs and some already loaded; services of
 * uneven sizes with mixed reservations and, by {@link Shape}, constraints, preferences, platforms,
 * max replicas per node and host ports. Sized so nearly everything fits.
 */
public record SyntheticCluster(List<NodeView> nodes, List<PlacementRequest> batches) {
    private static final long CPU = 1_000_000_000L;
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final int[] CORES = {4, 8, 16, 32, 64};
    private static final String[] TIERS = {"front", "back", "data"};
    private static final String[] CONSTRAINTS = {"node.labels.dc==dc1", "node.labels.dc==dc2", "node.role==worker",
        "node.labels.tier==front", "node.labels.tier!=data", "node.platform.arch==amd64", "engine.labels.storage==ssd"};

    public static SyntheticCluster generate(int nodeCount, int taskCount, int serviceCount, long seed, Shape shape) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NodeView> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(node(i, random));
        }
        List<PlacementRequest> batches = new ArrayList<>(serviceCount);
        int[] sizes = sizes(taskCount, serviceCount, random);
        for (int s = 0; s < serviceCount; s++) {
            batches.add(service(s, sizes[s], random, shape));
        }
        return new SyntheticCluster(List.copyOf(nodes), List.copyOf(batches));
    }

    private static NodeView node(int i, SplittableRandom r) {
        int cores = CORES[r.nextInt(CORES.length)];
        long memory = cores * GIB * (2L << r.nextInt(3));
        NodeViewBuilder b = NodeView.builder("node-" + i).hostname("host-" + i)
                .role(i < 3 ? NodeRole.MANAGER : NodeRole.WORKER)
                .platform("linux", r.nextInt(100) < 15 ? "arm64" : "amd64")
                .capacity(cores * CPU, memory)
                .label("dc", "dc" + (1 + r.nextInt(3)))
                .label("rack", "r" + r.nextInt(20))
                .label("tier", TIERS[r.nextInt(TIERS.length)])
                .engineLabel("storage", r.nextBoolean() ? "ssd" : "hdd");
        if (r.nextInt(100) < 10) {
            int gpus = 2 + r.nextInt(7);
            String[] ids = new String[gpus];
            for (int g = 0; g < gpus; g++) {
                ids[g] = "GPU-" + i + "-" + g;
            }
            b.named("gpu", ids);
        }
        if (r.nextInt(100) < 30) {
            int other = 1 + r.nextInt(5);
            b.otherTasks(other).reserved(other * CPU / 4, other * 256 * MIB);
        }
        return b.build();
    }

    /** Uneven service sizes (a few large, many small) that sum to {@code tasks}. */
    private static int[] sizes(int tasks, int services, SplittableRandom r) {
        double[] w = new double[services];
        double sum = 0;
        for (int s = 0; s < services; s++) {
            w[s] = -Math.log(1 - r.nextDouble());
            sum += w[s];
        }
        int[] sizes = new int[services];
        int given = 0;
        for (int s = 0; s < services; s++) {
            sizes[s] = (int) Math.floor(tasks * w[s] / sum);
            given += sizes[s];
        }
        for (int s = 0; given < tasks; s = (s + 1) % services) {
            sizes[s]++;
            given++;
        }
        return sizes;
    }

    private static PlacementRequest service(int s, int size, SplittableRandom r, Shape shape) {
        String id = "svc-" + s;
        PlacementRequest p = PlacementRequest.replicated(id, PlacementRequest.taskIds(id, size))
                .withReservations(reservations(r, shape == Shape.MIXED && size <= 40 && r.nextInt(100) < 3));
        int roll = r.nextInt(100);
        boolean constrain = shape == Shape.CONSTRAINTS ? roll < 80 : shape == Shape.MIXED && roll < 30;
        if (constrain) {
            p = r.nextInt(4) == 0
                    ? p.withConstraints(pick(r), "node.role==worker")
                    : p.withConstraints(pick(r));
        }
        roll = r.nextInt(100);
        boolean prefer = shape == Shape.PREFERENCES ? roll < 80 : shape == Shape.MIXED && roll < 30;
        if (prefer) {
            p = r.nextInt(3) == 0
                    ? p.withPreferences("spread=node.labels.dc", "spread=node.labels.rack")
                    : p.withPreferences("spread=node.labels.dc");
        }
        if (shape == Shape.MIXED) {
            roll = r.nextInt(100);
            if (roll < 50) {
                p = p.withPlatforms(new Platform("linux", "amd64"), new Platform("linux", "arm64"));
            } else if (roll < 80) {
                p = p.withPlatforms(new Platform("linux", "amd64"));
            }
            if (r.nextInt(100) < 10) {
                p = p.withMaxReplicasPerNode(2 + r.nextInt(4));
            }
            if (r.nextInt(100) < 3) {
                p = p.withHostPorts(PublishedPort.tcp(8000 + s));
            }
        }
        return p;
    }

    private static String pick(SplittableRandom r) {
        return CONSTRAINTS[r.nextInt(CONSTRAINTS.length)];
    }

    private static Reservations reservations(SplittableRandom r, boolean gpu) {
        Reservations res;
        if (r.nextInt(100) < 40) {
            res = Reservations.NONE;
        } else {
            long[] millis = {100, 250, 500, 1000, 2000};
            long[] mib = {64, 128, 256, 512, 1024, 4096};
            res = Reservations.of(millis[r.nextInt(millis.length)] * CPU / 1000, mib[r.nextInt(mib.length)] * MIB);
        }
        return gpu ? res.withGeneric("gpu", 1) : res;
    }
}
