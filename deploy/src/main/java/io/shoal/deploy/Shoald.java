package io.shoal.deploy;

import akka.Done;
import akka.actor.Address;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.cluster.typed.JoinSeedNodes;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.model.Node;
import io.shoal.api.model.ResourceObject;
import io.shoal.deploy.config.DaemonConfig;
import io.shoal.deploy.config.DaemonSettings;
import io.shoal.deploy.config.EngineLabels;
import io.shoal.deploy.config.GenericResources;
import io.shoal.deploy.config.HostFacts;
import io.shoal.deploy.config.LiveDescription;
import io.shoal.deploy.config.NodeIdentity;
import io.shoal.deploy.membership.ManagerWatch;
import io.shoal.deploy.membership.MembershipFile;
import io.shoal.deploy.membership.NodeMembership;
import io.shoal.deploy.membership.PeerRecorder;
import io.shoal.deploy.role.DataPlaneRole;
import io.shoal.deploy.role.ManagerRole;
import io.shoal.deploy.role.NodeEngine;
import io.shoal.deploy.role.WorkerRole;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.manager.state.JournalSchema;
import io.shoal.worker.net.NetworkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code shoald}: the Shoal daemon. One JVM, one Akka Cluster node: {@code manager} and {@code worker}
 * roles, or {@code worker} only once it joined a swarm with a worker token. It runs in the foreground,
 * logs one line per event and stops cleanly on SIGTERM; joining or leaving a swarm restarts its actor
 * system in-process as the new member (deploy.membership).
 */
@Command(name = "shoald", mixinStandardHelpOptions = true, version = "shoald " + Shoald.VERSION,
        description = "Runs a Shoal node: the cluster state, the Docker-compatible API and the worker agent.")
public final class Shoald implements Callable<Integer> {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(Shoald.class);

    @Option(names = "--data-root", description = "Where the node keeps its state (default: ${DEFAULT-VALUE}).")
    Path dataRoot = Path.of("/var/lib/shoal");

    @Option(names = "--api-addr", description = "HOST:PORT of the Docker-compatible HTTP API (default: ${DEFAULT-VALUE}).")
    String apiAddr = "127.0.0.1:2375";

    @Option(names = "--cluster-addr", description = "HOST:PORT for cluster traffic between nodes (default: ${DEFAULT-VALUE}).")
    String clusterAddr = "0.0.0.0:2377";

    @Option(names = "--advertise-addr", description = "IP other nodes reach this node at (default: the cluster address, or the first non-loopback IPv4 when that is 0.0.0.0).")
    String advertiseAddr;

    @Option(names = "--insecure-registry", paramLabel = "HOST:PORT|CIDR",
            description = "A registry this node may pull from and push to over plain http, as dockerd's insecure-registries (repeatable; loopback registries always may).")
    List<String> insecureRegistries = new java.util.ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "A label of this node's engine, as dockerd's --label (repeatable); constraints read it as engine.labels.KEY.")
    List<String> labels = new java.util.ArrayList<>();

    @Option(names = "--node-generic-resource", paramLabel = "KIND=VALUE",
            description = "A generic resource this node offers, as dockerd's --node-generic-resource (repeatable): KIND=COUNT "
                    + "(e.g. ssd=2) or KIND=ID once per id (e.g. gpu=GPU-0); services reserve them with --generic-resource.")
    List<String> genericResources = new java.util.ArrayList<>();

    public static void main(String[] args) {
        int code = new CommandLine(new Shoald()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        DaemonSettings settings;
        java.util.Map<String, String> engineLabels;
        List<ResourceObject.GenericResource> generic;
        try {
            settings = new DaemonSettings(dataRoot.toAbsolutePath(), DaemonSettings.HostPort.parse("--api-addr", apiAddr),
                    DaemonSettings.HostPort.parse("--cluster-addr", clusterAddr), advertiseAddr);
            for (String r : insecureRegistries) {
                if (!r.matches("[A-Za-z0-9.:-]+(/[0-9]{1,3})?")) {
                    throw new IllegalArgumentException("--insecure-registry: expected HOST[:PORT] or a CIDR, got \"" + r + "\"");
                }
            }
            engineLabels = EngineLabels.parse(labels);
            generic = GenericResources.parse(genericResources);
            if (advertiseAddr != null && !advertiseAddr.matches("[0-9a-fA-F.:]+")) {
                throw new IllegalArgumentException("--advertise-addr: expected an IP address, got \"" + advertiseAddr + "\"");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("shoald: " + e.getMessage());
            return 2;
        }
        Files.createDirectories(settings.dataRoot().resolve("state"));
        String nodeId = NodeIdentity.loadOrCreate(settings.dataRoot());
        HostFacts host = HostFacts.read();
        String advertise = advertiseAddr != null ? advertiseAddr
                : "0.0.0.0".equals(settings.clusterAddr().host()) ? HostFacts.defaultAdvertiseAddr() : settings.clusterAddr().host();
        DaemonInfo daemon = new DaemonInfo(nodeId, host.hostname(), advertise, settings.clusterAddr().port(), host.kernelVersion(),
                host.operatingSystem(), host.architecture(), host.ncpu(), host.memTotal(), VERSION, settings.dataRoot().toString(), engineLabels);
        LiveDescription description = new LiveDescription(daemon, generic, HostFacts::resources);

        try (NodeEngine engine = NodeEngine.open(settings.dataRoot(), insecureRegistries)) {
            // One pass per membership: joining or leaving a swarm stops the actor system and starts it again.
            while (true) {
                JournalSchema.ensureH2(DaemonConfig.journalUrl(settings.dataRoot()), "shoal", "");
                Optional<MembershipFile> membership = MembershipFile.read(settings.dataRoot());
                List<String> roles = membership.map(m -> m.nodeRole() == NodeRole.WORKER).orElse(false)
                        ? List.of("worker") : List.of("manager", "worker");
                LOG.info("shoald starting node.id={} data-root={} api={} cluster={} advertise={} roles={}", nodeId,
                        settings.dataRoot(), settings.apiAddr(), settings.clusterAddr(), advertise, roles);
                AtomicReference<NodeMembership.Restart> restart = new AtomicReference<>(NodeMembership.Restart.NONE);
                ActorSystem<Void> system = ActorSystem.create(guardian(settings, daemon, description, engine, membership, restart), "shoal",
                        DaemonConfig.build(settings, advertise, roles));
                // Inside the coordinated shutdown, which a SIGTERM's JVM hook waits for: the main thread may not
                // get to run again before the JVM halts. A restart for a new membership keeps the engine open.
                CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "shoald-stopped", () -> {
                    if (restart.get() == NodeMembership.Restart.NONE) {
                        engine.close(); // containers keep running; the next shoald re-adopts them
                        LOG.info("shoald stopped node.id={}", nodeId);
                    }
                    return CompletableFuture.completedFuture(Done.getInstance());
                });
                system.getWhenTerminated().toCompletableFuture().join();
                if (restart.get() == NodeMembership.Restart.NONE) {
                    break;
                }
                if (restart.get() == NodeMembership.Restart.WIPE_STATE) {
                    wipe(settings.dataRoot().resolve("state"));
                }
                LOG.info("shoald restarting for a new swarm membership node.id={}", nodeId);
            }
        }
        return 0;
    }

    /** A manager that left by force drops the swarm's state, as Docker does. */
    private static void wipe(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }

    private static Behavior<Void> guardian(DaemonSettings settings, DaemonInfo daemon, Supplier<Node.Description> description,
                                           NodeEngine engine,
                                           Optional<MembershipFile> membership, AtomicReference<NodeMembership.Restart> restart) {
        return Behaviors.setup(ctx -> {
            Cluster cluster = Cluster.get(ctx.getSystem());
            // The founder (the node that ran swarm init) forms the cluster, even when its address changed
            // since; every other member (workers, managers that joined) joins the recorded managers.
            // A founder lists itself first: Akka then asks the other seeds (its last known peers) and forms a new
            // cluster only when none answers within seed-node-timeout.
            String self = daemon.advertiseAddr() + ":" + daemon.clusterPort();
            List<String> others = membership.map(m -> m.seeds(self)).orElse(List.of());
            boolean founder = membership.map(m -> m.formsCluster(self)).orElse(true);
            if (others.isEmpty()) {
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
            } else {
                List<Address> seeds = new ArrayList<>();
                if (founder) {
                    seeds.add(cluster.selfMember().address());
                }
                for (String m : others) {
                    DaemonSettings.HostPort hp = DaemonSettings.HostPort.parse("seeds", m);
                    seeds.add(new Address("akka", ctx.getSystem().name(), hp.host(), hp.port()));
                }
                cluster.manager().tell(new JoinSeedNodes(seeds));
            }
            ctx.spawn(PeerRecorder.create(settings.dataRoot()), "peer-recorder"); // writes once in a swarm
            NodeMembership local = new NodeMembership(ctx.getSystem(), settings, daemon, description, membership, restart);
            ManagerRole manager = ManagerRole.start(ctx.getSystem(), settings, daemon, local,
                    WorkerRole.nodeEndpoints(ctx.getSystem(), engine, settings.dataRoot()));
            local.attach(manager.client());
            manager.binding().whenComplete((b, e) -> {
                if (e != null) {
                    LOG.error("api cannot listen addr={} error={}", settings.apiAddr(), e.getMessage());
                    ctx.getSystem().terminate();
                } else {
                    LOG.info("api listening addr={}", b.localAddress());
                }
            });
            WorkerRole.start(ctx, ctx.getSystem(), daemon, description, DataPlaneRole.networked(engine.taskRuntime(), daemon,
                    NetworkSettings.from(ctx.getSystem().settings().config()), settings.dataRoot()));
            WorkerRole.startLogServer(ctx, daemon, engine);
            if (membership.map(m -> m.nodeRole() == NodeRole.WORKER).orElse(false)) {
                ctx.spawn(ManagerWatch.create(restart), "manager-watch");
            }
            return Behaviors.empty();
        });
    }
}
