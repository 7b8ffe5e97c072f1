package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code swarm join-token|join|leave} and {@code node rm|promote|demote}: the requests dockerd's clients make. */
class MembershipRequestsTest {
    static final String WORKER = "SWMTKN-1-3ttjzi0naekjqpdfd8nvq5xhulg41ttu74datsdu6mitvpzoyx-0ts7k0vxk43rd985k621a62ud";
    static final String MANAGER = "SWMTKN-1-3ttjzi0naekjqpdfd8nvq5xhulg41ttu74datsdu6mitvpzoyx-3e3f34qnuluzwbt49ayov6ktv";
    static final String SWARM = "{\"ID\":\"abc\",\"Version\":{\"Index\":7},\"Spec\":{\"Name\":\"default\"},\"JoinTokens\":{\"Worker\":\""
            + WORKER + "\",\"Manager\":\"" + MANAGER + "\"}}";
    static final String NODE = "{\"ID\":\"n1abc\",\"Version\":{\"Index\":12},\"Spec\":{\"Role\":\"worker\",\"Availability\":\"active\"}}";

    private final FakeDaemon daemon = new FakeDaemon()
            .on("GET /swarm", 200, SWARM)
            .on("POST /swarm/update", 200, "")
            .on("POST /swarm/join", 200, "")
            .on("POST /swarm/leave", 200, "")
            .on("GET /nodes/n1", 200, NODE)
            .on("POST /nodes/n1abc/update", 200, "")
            .on("DELETE /nodes/n1", 200, "")
            .on("GET /info", 200, "{\"Swarm\":{\"NodeID\":\"m1\",\"NodeAddr\":\"10.77.0.1\",\"RemoteManagers\":[{\"NodeID\":\"m1\",\"Addr\":\"10.77.0.1:2377\"}]}}");

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void joinTokenPrintsTheJoinCommandLikeDocker() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "join-token", "worker");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("To add a worker to this swarm, run the following command:\n\n"
                + "    shoal swarm join --token " + WORKER + " 10.77.0.1:2377\n\n");
        assertThat(Cli.run(daemon.address(), "swarm", "join-token", "-q", "manager").out()).isEqualTo(MANAGER + "\n");
    }

    @Test
    void rotateUpdatesTheSwarmAtItsVersionForThatRoleOnly() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "join-token", "--rotate", "-q", "worker");

        assertThat(r.code()).isZero();
        assertThat(daemon.targets()).contains("POST /v1.49/swarm/update?version=7&rotateWorkerToken=true&rotateManagerToken=false");
        assertThat(daemon.body("POST", "/swarm/update")).isEqualTo("{\"Name\":\"default\"}");
    }

    @Test
    void swarmUpdateSendsTheWholeSpecWithTheFlagsChangedAtItsVersion() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "update", "--task-history-limit", "3", "--dispatcher-heartbeat", "1m30s");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("Swarm updated.\n");
        assertThat(daemon.targets()).contains("POST /v1.49/swarm/update?version=7&rotateWorkerToken=false&rotateManagerToken=false");
        assertThat(daemon.body("POST", "/swarm/update")).isEqualTo("{\"Name\":\"default\",\"Orchestration\":"
                + "{\"TaskHistoryRetentionLimit\":3},\"Dispatcher\":{\"HeartbeatPeriod\":90000000000}}");
    }

    @Test
    void swarmUpdateRefusesABadDurationWithoutAsking() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "update", "--dispatcher-heartbeat", "5 parsecs");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid duration \"5 parsecs\"");
        assertThat(daemon.targets()).isEmpty();
    }

    @Test
    void joinTokenRefusesAnUnknownRoleWithoutAsking() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "join-token", "boss");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown role boss");
        assertThat(daemon.targets()).isEmpty();
    }

    @Test
    void joinSendsTheTokenAndTheManagersAddress() {
        Cli.Result r = Cli.run(daemon.address(), "swarm", "join", "--token", WORKER, "10.77.0.1:2377");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("This node joined a swarm.\n");
        assertThat(daemon.body("POST", "/swarm/join")).isEqualTo("{\"ListenAddr\":\"0.0.0.0:2377\",\"RemoteAddrs\":[\"10.77.0.1:2377\"],"
                + "\"JoinToken\":\"" + WORKER + "\"}");
    }

    @Test
    void aRefusedJoinIsTheDaemonsMessage() {
        daemon.on("POST /swarm/join", 400, "{\"message\":\"the manager at 10.77.0.1:2378 refused the join: invalid join token: "
                + "the secret is not valid (the token may have been rotated)\"}");

        Cli.Result r = Cli.run(daemon.address(), "swarm", "join", "--token", WORKER, "10.77.0.1:2377");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: the manager at 10.77.0.1:2378 refused the join: "
                + "invalid join token: the secret is not valid (the token may have been rotated)\n");
    }

    @Test
    void leavePassesForce() {
        assertThat(Cli.run(daemon.address(), "swarm", "leave", "--force").out()).isEqualTo("Node left the swarm.\n");
        assertThat(daemon.targets()).containsExactly("POST /v1.49/swarm/leave?force=true");
    }

    @Test
    void nodeRmPromoteAndDemote() {
        assertThat(Cli.run(daemon.address(), "node", "rm", "-f", "n1").out()).isEqualTo("n1\n");
        assertThat(daemon.targets()).containsExactly("DELETE /v1.49/nodes/n1?force=true");

        assertThat(Cli.run(daemon.address(), "node", "promote", "n1").out()).isEqualTo("Node n1 promoted to a manager in the swarm.\n");
        assertThat(daemon.targets()).contains("POST /v1.49/nodes/n1abc/update?version=12");
        assertThat(daemon.body("POST", "/nodes/n1abc/update")).isEqualTo("{\"Role\":\"manager\",\"Availability\":\"active\"}");

        assertThat(Cli.run(daemon.address(), "node", "demote", "n1").out()).isEqualTo("Node n1 is already a worker.\n");
    }
}
