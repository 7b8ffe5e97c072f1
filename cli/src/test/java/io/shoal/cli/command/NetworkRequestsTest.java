package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code network create|ls|inspect|rm|prune}: the requests docker makes, and what is printed. */
class NetworkRequestsTest {
    static final String BACKEND = "{\"Name\":\"backend\",\"Id\":\"k2sx3qbvz9gmiqwrq6tpuwo9f\",\"Scope\":\"swarm\",\"Driver\":\"overlay\","
            + "\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.20.0.0/24\",\"Gateway\":\"10.20.0.1\"}]}}";
    static final String INGRESS = "{\"Name\":\"ingress\",\"Id\":\"a1b2c3d4e5f6g7h8i9j0k1l2m\",\"Scope\":\"swarm\",\"Driver\":\"overlay\"}";
    private final FakeDaemon daemon = new FakeDaemon()
            .on("POST /networks/create", 201, "{\"Id\":\"k2sx3qbvz9gmiqwrq6tpuwo9f\",\"Warning\":\"\"}")
            .on("GET /networks", 200, "[" + INGRESS + "," + BACKEND + "]")
            .on("GET /networks/backend", 200, BACKEND)
            .on("DELETE /networks/backend", 204, null)
            .on("DELETE /networks/busy", 403, "{\"message\":\"error while removing network: network busy id x has active endpoints (service web)\"}")
            .on("POST /networks/prune", 200, "{\"NetworksDeleted\":[\"spare\",\"old\"]}")
            .on("POST /services/create", 201, "{\"ID\":\"ak7w3gjqoa3kuz8xcpnyy0pvl\"}");

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void createSendsDockersRequestAndPrintsTheId() {
        Cli.Result r = Cli.run(daemon.address(), "network", "create", "-d", "overlay", "--subnet", "10.20.0.0/24", "--gateway", "10.20.0.254",
                "--ip-range", "10.20.0.128/25", "--attachable", "--internal", "--label", "team=a", "-o", "mtu=1400", "backend");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("k2sx3qbvz9gmiqwrq6tpuwo9f\n");
        assertThat(daemon.targets()).containsExactly("POST /v1.49/networks/create");
        assertThat(daemon.body("POST", "/networks/create")).isEqualTo("{\"Name\":\"backend\",\"CheckDuplicate\":true,\"Driver\":\"overlay\","
                + "\"Scope\":\"swarm\",\"Internal\":true,\"Attachable\":true,\"Ingress\":false,\"IPAM\":{\"Driver\":\"default\","
                + "\"Config\":[{\"Subnet\":\"10.20.0.0/24\",\"IPRange\":\"10.20.0.128/25\",\"Gateway\":\"10.20.0.254\"}]},"
                + "\"Options\":{\"mtu\":\"1400\"},\"Labels\":{\"team\":\"a\"}}");
    }

    @Test
    void createWithoutSubnetLeavesItToTheManagers() {
        assertThat(Cli.run(daemon.address(), "network", "create", "plain").code()).isZero();
        assertThat(daemon.body("POST", "/networks/create")).contains("\"IPAM\":{\"Driver\":\"default\"}").contains("\"Driver\":\"overlay\"");
    }

    @Test
    void aGatewayWithoutSubnetIsAUsageErrorBeforeAnyRequest() {
        Cli.Result r = Cli.run(daemon.address(), "network", "create", "--gateway", "10.0.0.1", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--gateway and --ip-range need a --subnet");
        assertThat(daemon.targets()).isEmpty();
    }

    @Test
    void lsPrintsDockersColumnsSortedByName() {
        Cli.Result r = Cli.run(daemon.address(), "network", "ls", "--filter", "driver=overlay");

        assertThat(r.code()).isZero();
        assertThat(daemon.targets()).containsExactly("GET /v1.49/networks?filters={\"driver\":{\"overlay\":true}}");
        assertThat(r.out()).isEqualTo(""
                + "NETWORK ID     NAME      DRIVER    SCOPE\n"
                + "k2sx3qbvz9gm   backend   overlay   swarm\n"
                + "a1b2c3d4e5f6   ingress   overlay   swarm\n");
        assertThat(Cli.run(daemon.address(), "network", "ls", "-q", "--no-trunc").out())
                .isEqualTo("a1b2c3d4e5f6g7h8i9j0k1l2m\nk2sx3qbvz9gmiqwrq6tpuwo9f\n");
    }

    @Test
    void inspectPrintsAnArrayAndGoesOnPastAMissingNetwork() {
        Cli.Result r = Cli.run(daemon.address(), "network", "inspect", "backend", "nope");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("[").contains("\"Subnet\": \"10.20.0.0/24\"");
        assertThat(r.err()).isEqualTo("Error response from daemon: page not found\n");
    }

    @Test
    void rmPrintsWhatWasRemovedAndTheDaemonsRefusal() {
        Cli.Result r = Cli.run(daemon.address(), "network", "rm", "backend", "busy");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("backend\n");
        assertThat(r.err()).isEqualTo("Error response from daemon: error while removing network: network busy id x has active endpoints (service web)\n");
    }

    @Test
    void pruneWithForceSendsFiltersAndListsTheDeleted() {
        Cli.Result r = Cli.run(daemon.address(), "network", "prune", "-f", "--filter", "label=tmp");

        assertThat(r.code()).isZero();
        assertThat(daemon.targets()).containsExactly("POST /v1.49/networks/prune?filters={\"label\":{\"tmp\":true}}");
        assertThat(r.out()).isEqualTo("Deleted Networks:\nspare\nold\n");
    }

    @Test
    void serviceCreateAttachesNetworksWithAliasesAndSetsTheEndpointMode() {
        Cli.Result r = Cli.run(daemon.address(), "service", "create", "--name", "dns", "--network", "backend",
                "--network", "name=db,alias=store,alias=cache", "--endpoint-mode", "dnsrr", "-p", "published=53,target=53,mode=host",
                "busybox:latest");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(daemon.body("POST", "/services/create")).isEqualTo("{\"Name\":\"dns\",\"TaskTemplate\":{\"ContainerSpec\":"
                + "{\"Image\":\"busybox:latest\"},\"Networks\":[{\"Target\":\"backend\"},{\"Target\":\"db\",\"Aliases\":[\"store\",\"cache\"]}]},"
                + "\"Mode\":{\"Replicated\":{}},\"EndpointSpec\":{\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":53,"
                + "\"PublishedPort\":53,\"PublishMode\":\"host\"}],\"Mode\":\"dnsrr\"}}");
    }

    @Test
    void aBadNetworkOrEndpointModeIsAUsageError() {
        assertThat(Cli.run(daemon.address(), "service", "create", "--network", "name=db,color=red", "busybox").err())
                .contains("invalid network option \"color\" in \"name=db,color=red\": expected name or alias");
        Cli.Result r = Cli.run(daemon.address(), "service", "create", "--endpoint-mode", "rr", "busybox");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid endpoint mode \"rr\": expected vip or dnsrr");
        assertThat(daemon.targets()).isEmpty();
    }
}
