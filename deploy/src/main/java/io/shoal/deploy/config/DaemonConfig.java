package io.shoal.deploy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.List;

/** The Akka configuration of one daemon: {@code shoald.conf} with this node's addresses and journal file. */
public final class DaemonConfig {
    private DaemonConfig() {}

    public static String journalUrl(Path dataRoot) {
        // WRITE_DELAY=0: a commit reaches the file before the write returns, so kill -9 loses nothing acknowledged.
        // DB_CLOSE_ON_EXIT=FALSE: H2's own JVM shutdown hook would close the database beside Akka's coordinated
        // shutdown, while the cluster state still persists (JournalFailureException "Database is already
        // closed" on SIGTERM); the journal's connection pool closes it when the actor system has terminated.
        return "jdbc:h2:file:" + dataRoot.resolve("state").resolve("cluster").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public static Config build(DaemonSettings s, String advertiseAddr) {
        return build(s, advertiseAddr, List.of("manager", "worker"));
    }

    /**
     * @param roles the Akka roles: a worker that joined a swarm runs {@code worker} only, so the manager
     *     singletons never move to it
     */
    public static Config build(DaemonSettings s, String advertiseAddr, List<String> roles) {
        return ConfigFactory.empty()
                // Between hosts, Artery speaks mutual TLS with the node's CA-issued certificate (deploy.transport).
                .withValue("akka.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
                .withValue("akka.remote.artery.ssl.ssl-engine-provider",
                        ConfigValueFactory.fromAnyRef("io.shoal.deploy.transport.ClusterTlsEngineProvider"))
                .withValue("shoal.transport.certificates-dir",
                        ConfigValueFactory.fromAnyRef(s.dataRoot().resolve("certificates").toString()))
                // Joining or leaving restarts the actor system in-process; shoald exits when it stops for good.
                .withValue("akka.coordinated-shutdown.exit-jvm", ConfigValueFactory.fromAnyRef("off"))
                .withValue("akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(advertiseAddr))
                .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(s.clusterAddr().port()))
                .withValue("akka.remote.artery.bind.hostname", ConfigValueFactory.fromAnyRef(s.clusterAddr().host()))
                .withValue("akka.remote.artery.bind.port", ConfigValueFactory.fromAnyRef(s.clusterAddr().port()))
                .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(roles))
                // A worker that is downed (cut off from the managers) must not stop the JVM: ManagerWatch
                // restarts its actor system, which rejoins once the link is back.
                .withValue("akka.cluster.run-coordinated-shutdown-when-down",
                        ConfigValueFactory.fromAnyRef(!roles.equals(List.of("worker"))))
                .withValue("akka-persistence-jdbc.shared-databases.slick.db.url", ConfigValueFactory.fromAnyRef(journalUrl(s.dataRoot())))
                .withFallback(ConfigFactory.load("shoald"));
    }
}
