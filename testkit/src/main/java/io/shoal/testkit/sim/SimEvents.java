package io.shoal.testkit.sim;

import io.shoal.scheduler.view.Availability;
import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.NodeRole;
import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.PublishedPort;
import io.shoal.scheduler.view.Reservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The things that happen to a cluster, drawn from the seeded generator: nodes join, leave, drain,
 * pause, go down and come back; services are created (replicated or global, with reservations,
 * constraints, preferences, platforms, host ports, max per node), scaled and removed.
 */
final class SimEvents {
    private static final long CPU = 1_000_000_000L;
    private static final long GIB = 1L << 30;
    private static final String[] CONSTRAINTS = {"node.labels.dc==dc1", "node.labels.dc!=dc3", "node.role==worker",
        "node.labels.tier==front", "node.platform.arch==amd64", "engine.labels.storage==ssd", "node.labels.rack==r0"};

    private final SimCluster cluster;
    private final RandomGenerator random;
    private int nextNode;
    private int nextService;

    SimEvents(SimCluster cluster, RandomGenerator random) {
        this.cluster = cluster;
        this.random = random;
    }

    /** Applies one random event and returns its name. */
    String next() {
        int roll = random.nextInt(100);
        if (roll < 12) {
            join();
            return "join";
        } else if (roll < 18) {
            return onRandomNode("leave", n -> cluster.nodes.remove(n.id));
        } else if (roll < 23) {
            return onRandomNode("drain", n -> n.availability = Availability.DRAIN);
        } else if (roll < 26) {
            return onRandomNode("pause", n -> n.availability = Availability.PAUSE);
        } else if (roll < 34) {
            return onRandomNode("activate", n -> n.availability = Availability.ACTIVE);
        } else if (roll < 38) {
            return onRandomNode("down", n -> n.ready = false);
        } else if (roll < 44) {
            return onRandomNode("up", n -> n.ready = true);
        } else if (roll < 66) {
            createService();
            return "create";
        } else if (roll < 92) {
            return onRandomService("scale", s -> s.replicas = Math.max(0, s.replicas * random.nextInt(50, 201) / 100 + random.nextInt(-5, 25)));
        } else {
            return onRandomService("remove", s -> cluster.services.remove(s.id));
        }
    }

    void join() {
        int i = nextNode++;
        int cores = new int[] {2, 4, 8, 16, 32}[random.nextInt(5)];
        List<String> gpus = new ArrayList<>();
        if (random.nextInt(100) < 10) {
            for (int g = 0, n = 1 + random.nextInt(4); g < n; g++) {
                gpus.add("GPU-" + i + "-" + g);
            }
        }
        SimNode node = new SimNode("node-" + i, i % 50 == 0 ? NodeRole.MANAGER : NodeRole.WORKER,
                new Platform("linux", random.nextInt(100) < 15 ? "arm64" : "amd64"),
                Map.of("dc", "dc" + (1 + random.nextInt(3)), "rack", "r" + random.nextInt(10),
                        "tier", random.nextBoolean() ? "front" : "back"),
                Map.of("storage", random.nextBoolean() ? "ssd" : "hdd"),
                cores * CPU, cores * 2 * GIB, gpus);
        cluster.nodes.put(node.id, node);
    }

    void createService() {
        int i = nextService++;
        boolean global = random.nextInt(100) < 5;
        Reservations r = random.nextInt(100) < 35 ? Reservations.NONE
                : Reservations.of((1 + random.nextInt(8)) * CPU / 4, (1 + random.nextInt(8)) * GIB / 4);
        if (!global && random.nextInt(100) < 4) {
            r = r.withGeneric("gpu", 1);
        }
        List<String> constraints = new ArrayList<>();
        if (!global && random.nextInt(100) < 35) {
            constraints.add(CONSTRAINTS[random.nextInt(CONSTRAINTS.length)]);
        }
        List<String> preferences = new ArrayList<>();
        if (!global && random.nextInt(100) < 35) {
            preferences.add("dc");
            if (random.nextBoolean()) {
                preferences.add("rack");
            }
        }
        List<Platform> platforms = random.nextInt(100) < 30 ? List.of(new Platform("linux", "amd64")) : List.of();
        List<PublishedPort> ports = random.nextInt(100) < 5 ? List.of(PublishedPort.tcp(9000 + random.nextInt(3))) : List.of();
        int max = !global && random.nextInt(100) < 15 ? 1 + random.nextInt(3) : 0;
        SimService s = new SimService("svc-" + i, global ? Mode.GLOBAL : Mode.REPLICATED, global ? 0 : replicas(),
                r, constraints, preferences, platforms, ports, max);
        cluster.services.put(s.id, s);
    }

    /** Mostly small services, one in five large enough to put several tasks on every node. */
    private int replicas() {
        return random.nextInt(100) < 20 ? 100 + random.nextInt(3000) : 1 + random.nextInt(60);
    }

    private String onRandomNode(String name, java.util.function.Consumer<SimNode> change) {
        if (cluster.nodes.isEmpty()) {
            return name + " (none)";
        }
        List<SimNode> all = new ArrayList<>(cluster.nodes.values());
        change.accept(all.get(random.nextInt(all.size())));
        return name;
    }

    private String onRandomService(String name, java.util.function.Consumer<SimService> change) {
        List<SimService> replicated = cluster.services.values().stream().filter(s -> s.mode == Mode.REPLICATED).toList();
        if (replicated.isEmpty() || name.equals("remove") && cluster.services.isEmpty()) {
            return name + " (none)";
        }
        List<SimService> pool = name.equals("remove") ? new ArrayList<>(cluster.services.values()) : replicated;
        change.accept(pool.get(random.nextInt(pool.size())));
        return name;
    }
}
