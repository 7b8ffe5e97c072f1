package io.shoal.deploy;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import io.shoal.deploy.config.DaemonConfig;
import io.shoal.deploy.config.DaemonSettings;
import io.shoal.deploy.config.HostFacts;
import io.shoal.deploy.config.NodeIdentity;
import io.shoal.deploy.role.ManagerRole;
import io.shoal.deploy.role.NodeEngine;
import io.shoal.deploy.role.WorkerRole;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.manager.state.JournalSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shoald}: the Shoal daemon. One JVM, one Akka Cluster node with the roles {@code manager} and
 * {@code worker}; it runs in the foreground, logs one line per event and stops cleanly on SIGTERM.
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

    public static void main(String[] args) {
        int code = new CommandLine(new Shoald()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        DaemonSettings settings;
        try {
            settings = new DaemonSettings(dataRoot.toAbsolutePath(), DaemonSettings.HostPort.parse("--api-addr", apiAddr),
                    DaemonSettings.HostPort.parse("--cluster-addr", clusterAddr), advertiseAddr);
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
                host.operatingSystem(), host.architecture(), host.ncpu(), host.memTotal(), VERSION, settings.dataRoot().toString());

        JournalSchema.ensureH2(DaemonConfig.journalUrl(settings.dataRoot()), "shoal", "");
        LOG.info("shoald starting node.id={} data-root={} api={} cluster={} advertise={}", nodeId, settings.dataRoot(),
                settings.apiAddr(), settings.clusterAddr(), advertise);
        try (NodeEngine engine = NodeEngine.open(settings.dataRoot())) {
            ActorSystem<Void> system = ActorSystem.create(guardian(settings, daemon, engine), "shoal",
                    DaemonConfig.build(settings, advertise));
            system.getWhenTerminated().toCompletableFuture().join();
        }
        LOG.info("shoald stopped node.id={}", nodeId);
        return 0;
    }

    private static Behavior<Void> guardian(DaemonSettings settings, DaemonInfo daemon, NodeEngine engine) {
        return Behaviors.setup(ctx -> {
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
            ManagerRole manager = ManagerRole.start(ctx.getSystem(), settings, daemon,
                    WorkerRole.nodeEndpoints(ctx.getSystem(), engine, settings.dataRoot()));
            manager.binding().whenComplete((b, e) -> {
                if (e != null) {
                    LOG.error("api cannot listen addr={} error={}", settings.apiAddr(), e.getMessage());
                    ctx.getSystem().terminate();
                } else {
                    LOG.info("api listening addr={}", b.localAddress());
                }
            });
            WorkerRole.start(ctx, ctx.getSystem(), daemon, engine.taskRuntime());
            return Behaviors.empty();
        });
    }
}
