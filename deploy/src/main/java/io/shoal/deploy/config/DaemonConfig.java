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
        return "jdbc:h2:file:" + dataRoot.resolve("state").resolve("cluster").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public static Config build(DaemonSettings s, String advertiseAddr) {
        return ConfigFactory.empty()
                .withValue("akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(advertiseAddr))
                .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(s.clusterAddr().port()))
                .withValue("akka.remote.artery.bind.hostname", ConfigValueFactory.fromAnyRef(s.clusterAddr().host()))
                .withValue("akka.remote.artery.bind.port", ConfigValueFactory.fromAnyRef(s.clusterAddr().port()))
                .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(List.of("manager", "worker")))
                .withValue("akka-persistence-jdbc.shared-databases.slick.db.url", ConfigValueFactory.fromAnyRef(journalUrl(s.dataRoot())))
                .withFallback(ConfigFactory.load("shoald"));
    }
}
