package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code swarm init}, {@code info} and {@code version}. */
class SystemRequestsTest {
    private final FakeDaemon daemon = new FakeDaemon()
            .on("POST /swarm/init", 200, "\"24ifsmvkjbyhk\"")
            .onFixture("GET /info", "info.json")
            .onFixture("GET /version", "version.json");

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void swarmInitSendsTheAdvertiseAddressAndPrintsTheManagerNode() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "init", "--advertise-addr", "10.0.0.46");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("Swarm initialized: current node (24ifsmvkjbyhk) is now a manager.\n");
        assertThat(daemon.targets()).containsExactly("POST /v1.49/swarm/init");
        assertThat(daemon.body("POST", "/swarm/init"))
                .isEqualTo("{\"ListenAddr\":\"0.0.0.0:2377\",\"AdvertiseAddr\":\"10.0.0.46\",\"ForceNewCluster\":false,"
                        + "\"Spec\":{\"Orchestration\":{\"TaskHistoryRetentionLimit\":5}}}");
    }

    @Test
    void swarmInitSendsTheTaskHistoryLimitAndRefusesANegativeOne() {
        assertThat(Cli.run(daemon.address(), "swarm", "init", "--task-history-limit", "2").code()).isZero();
        assertThat(daemon.body("POST", "/swarm/init")).contains("\"Spec\":{\"Orchestration\":{\"TaskHistoryRetentionLimit\":2}}");

        Cli.Result bad = Cli.run(daemon.address(), "swarm", "init", "--task-history-limit", "-1");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--task-history-limit -1");
    }

    @Test
    void swarmInitOnAnActiveSwarmIsTheDaemonsRefusal() {
        daemon.on("POST /swarm/init", 503, "{\"message\":\"This node is already part of a swarm.\"}");

        Cli.Result r = Cli.run(daemon.address(), "swarm", "init");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: This node is already part of a swarm.\n");
    }

    @Test
    void infoPrintsTheServerAndItsSwarm() {
        Cli.Result r = Cli.run(daemon.address(), "info");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Server:\n Containers: 14\n  Running: 3\n  Paused: 1\n  Stopped: 10\n Images: 508\n")
                .contains(" Swarm: active\n  NodeID: 24ifsmvkjbyhk\n  Is Manager: true\n  ClusterID: abajmipo7b4xz5ip2nrla6b11\n"
                        + "  Managers: 1\n  Nodes: 1\n  Orchestration:\n   Task History Retention Limit: 10\n"
                        + "  Node Address: 10.0.0.46\n  Manager Addresses:\n   10.0.0.46:2377\n")
                .contains(" Total Memory: 1.952GiB\n")
                .endsWith("WARNING: No memory limit support\n");
    }

    @Test
    void infoAsJsonIsTheDaemonsDocument() {
        Cli.Result r = Cli.run(daemon.address(), "info", "--format", "json");

        assertThat(r.out()).startsWith("{\"ID\":\"7TRN:").contains("\"LocalNodeState\":\"active\"").endsWith("}\n");
    }

    @Test
    void versionPrintsClientThenServer() {
        Cli.Result r = Cli.run(daemon.address(), "version");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Client:\n Version:           ").contains("\n API version:       1.49\n")
                .contains("\nServer: Shoal 0.1.0\n Engine:\n  Version:          0.1.0\n"
                        + "  API version:      1.49 (minimum version 1.24)\n");
    }
}
