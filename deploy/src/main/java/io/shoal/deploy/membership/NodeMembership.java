package io.shoal.deploy.membership;

import akka.actor.typed.ActorSystem;
import io.shoal.api.error.ApiException;
import io.shoal.api.identity.NodeCertificates;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.Pem;
import io.shoal.api.model.Node;
import io.shoal.deploy.config.DaemonSettings;
import io.shoal.manager.ca.CaSettings;
import io.shoal.manager.ca.ClusterCa;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.manager.ca.LocalMembership;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.worker.join.CertificateStore;
import io.shoal.worker.join.JoinClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This daemon's side of swarm init, join and leave (see the package documentation). */
public final class NodeMembership implements LocalMembership {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMembership.class);
    static final String ALREADY = "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.";
    static final String NOT_IN_SWARM = "This node is not part of a swarm";
    static final String MANAGER_LEAVE = "You are attempting to leave the swarm on a node that is participating as a manager. "
            + "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.";

    /** What a membership change asks of the daemon: restart its actor system, first wiping its state or not. */
    public enum Restart { NONE, KEEP_STATE, WIPE_STATE }

    private final ActorSystem<?> system;
    private final DaemonSettings settings;
    private final DaemonInfo daemon;
    private final Supplier<Node.Description> description;
    private final CaSettings ca;
    private final CertificateStore store;
    private final Optional<MembershipFile> current;
    private final AtomicReference<Restart> restart;
    private final SecureRandom random = new SecureRandom();
    private volatile ClusterClient cluster;

    public NodeMembership(ActorSystem<?> system, DaemonSettings settings, DaemonInfo daemon,
                          Supplier<Node.Description> description, Optional<MembershipFile> current,
                          AtomicReference<Restart> restart) {
        this.system = system;
        this.settings = settings;
        this.daemon = daemon;
        this.description = description;
        this.ca = CaSettings.from(system.settings().config());
        this.store = new CertificateStore(NodeCertificates.under(settings.dataRoot()));
        this.current = current;
        this.restart = restart;
    }

    /** Wires the cluster client once the manager role made it; on a manager with certificates, serves the join port. */
    public void attach(ClusterClient client) {
        this.cluster = client;
        if (current.map(m -> m.nodeRole() == NodeRole.MANAGER).orElse(false) && store.present()) {
            bindJoinPort();
        }
        if (current.isPresent() && store.present()) {
            CertificateRenewal.start(system, store, joinAddrs(current.get().managers()));
        }
        if (current.isEmpty()) {
            secureOlderSwarm();
        }
    }

    /**
     * A swarm initialised on this node before it had a CA (or whose certificate files were lost) gets its
     * CA and this node's manager certificate now, as {@code swarm init} would have made them.
     */
    private void secureOlderSwarm() {
        cluster.read().thenCompose(s -> {
            if (s.swarm() == null || !s.nodes().stream().anyMatch(n -> n.id().equals(daemon.nodeId()) && "manager".equals(n.spec().role()))) {
                return CompletableFuture.completedFuture(null);
            }
            String clusterId = s.swarm().id();
            CompletionStage<ClusterSecurity> installed = s.security() != null ? CompletableFuture.completedFuture(s.security())
                    : cluster.<ClusterSecurity>command(r -> new io.shoal.manager.state.ClusterState.UpdateSecurity(
                            ClusterSecurity.create(clusterId, ca, Clock.systemUTC(), random), true, r));
            return installed.thenCompose(sec -> {
                LOG.info("swarm secured node.id={} cluster.id={}", daemon.nodeId(), clusterId);
                return initialized(clusterId, sec);
            });
        }).whenComplete((x, e) -> {
            if (e != null) {
                LOG.warn("swarm CA check failed node.id={} error={}", daemon.nodeId(), e.getMessage());
            }
        });
    }

    /** The managers' join endpoints: their cluster addresses with the port moved by the offset. */
    private List<String> joinAddrs(List<String> managers) {
        return managers.stream().map(m -> {
            DaemonSettings.HostPort hp = DaemonSettings.HostPort.parse("managers", m);
            return new DaemonSettings.HostPort(hp.host(), hp.port() + ca.joinPortOffset()).toString();
        }).toList();
    }

    @Override
    public Optional<WorkerMembership> asWorker() {
        return current.filter(m -> m.nodeRole() == NodeRole.WORKER).map(m -> new WorkerMembership(m.clusterId(), m.managers()));
    }

    @Override
    public CompletionStage<Void> join(JoinSpec spec) {
        if (recorded().isPresent()) {
            return CompletableFuture.failedFuture(new ApiException(503, ALREADY));
        }
        return cluster.read().handle((s, e) -> s != null && s.swarm() != null).thenApplyAsync(inSwarm -> {
            if (inSwarm) {
                throw new ApiException(503, ALREADY);
            }
            String remote = spec.remoteAddrs().get(0);
            DaemonSettings.HostPort manager = DaemonSettings.HostPort.parse("RemoteAddrs", remote.contains(":") ? remote : remote + ":2377");
            String joinAddr = joinAddrs(List.of(manager.toString())).get(0);
            String addr = spec.advertiseAddr() == null || spec.advertiseAddr().isBlank() ? daemon.advertiseAddr()
                    : spec.advertiseAddr().replaceFirst(":\\d+$", "");
            try {
                JoinClient.Joined joined = new JoinClient(random, Duration.ofSeconds(30))
                        .join(joinAddr, spec.joinToken(), daemon.nodeId(), description.get(), addr);
                store.store(joined.keyPem(), joined.certificatePem(), joined.caPem());
                List<String> managers = joined.managers().isEmpty() ? List.of(manager.toString()) : joined.managers();
                new MembershipFile(joined.role().apiName(), joined.clusterId(), managers, false).write(settings.dataRoot());
                LOG.info("swarm joined node.id={} role={} cluster.id={} managers={}", daemon.nodeId(), joined.role().apiName(),
                        joined.clusterId(), managers);
            } catch (JoinClient.JoinFailure f) {
                throw new ApiException(f.refused() ? 400 : 503, f.getMessage());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            restartSoon(Restart.KEEP_STATE);
            return null;
        }, system.executionContext());
    }

    @Override
    public CompletionStage<Void> leave(boolean force) {
        // Read now, not at start: a node that ran swarm init since is a manager already.
        Optional<MembershipFile> now = recorded();
        if (now.isEmpty()) {
            return CompletableFuture.failedFuture(new ApiException(503, NOT_IN_SWARM));
        }
        boolean manager = now.get().nodeRole() == NodeRole.MANAGER;
        if (manager && !force) {
            return CompletableFuture.failedFuture(new ApiException(503, MANAGER_LEAVE));
        }
        return CompletableFuture.runAsync(() -> {
            try {
                store.delete();
                MembershipFile.delete(settings.dataRoot());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.info("swarm left node.id={} role={}", daemon.nodeId(), now.get().role());
            restartSoon(manager ? Restart.WIPE_STATE : Restart.KEEP_STATE);
        }, system.executionContext());
    }

    private Optional<MembershipFile> recorded() {
        try {
            return MembershipFile.read(settings.dataRoot());
        } catch (IOException e) {
            throw new ApiException(500, e.getMessage());
        }
    }

    @Override
    public CompletionStage<Void> initialized(String clusterId, ClusterSecurity security) {
        return CompletableFuture.runAsync(() -> {
            ClusterCa root = ClusterCa.load(security.caCertificatePem(), security.caKeyPem(), Clock.systemUTC(), random);
            KeyPair pair = ClusterCa.newKeyPair(random);
            try {
                store.store(Pem.privateKey(pair.getPrivate()),
                        Pem.certificate(root.issue(pair.getPublic(), daemon.nodeId(), NodeRole.MANAGER, ca.nodeCertificateValidity())),
                        security.caCertificatePem());
                new MembershipFile(NodeRole.MANAGER.apiName(), clusterId, List.of(daemon.advertiseAddr() + ":" + daemon.clusterPort()), true)
                        .write(settings.dataRoot());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bindJoinPort();
            CertificateRenewal.start(system, store, joinAddrs(List.of(daemon.advertiseAddr() + ":" + daemon.clusterPort())));
        }, system.executionContext());
    }

    private void bindJoinPort() {
        try {
            JoinPort.bind(system, settings, ca, store.files(), cluster).whenComplete((b, e) -> {
                if (e != null) {
                    LOG.error("join port cannot listen port={} error={}", JoinPort.port(settings, ca), e.getMessage());
                } else {
                    LOG.info("join port listening addr={}", b.localAddress());
                }
            });
        } catch (IOException e) {
            LOG.error("join port has no certificates dir={} error={}", store.files().directory(), e.getMessage());
        }
    }

    /** After the reply has gone out, the actor system stops and {@code shoald} starts it again as the new member. */
    private void restartSoon(Restart how) {
        restart.set(how);
        system.scheduler().scheduleOnce(Duration.ofMillis(300), system::terminate, system.executionContext());
    }
}
