package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code shoal service ...}: from arguments to the exact requests and bodies the daemon receives. */
class ServiceRequestsTest {
    private static final String ID = "9mnpnzenvg8p8tdbtq4wvbkcz";
    private final FakeDaemon daemon = new FakeDaemon()
            .on("POST /services/create", 201, "{\"ID\":\"ak7w3gjqoa3kuz8xcpnyy0pvl\",\"Warnings\":[\"unable to pin image redis to digest\"]}")
            .onFixture("GET /services/hopeful_cori", "service.json")
            .on("POST /services/" + ID + "/update", 200, "{\"Warnings\":[]}")
            .on("DELETE /services/hopeful_cori", 200, "")
            .on("GET /services/nope", 404, "{\"message\":\"service nope not found\"}");

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void createSendsEveryFlagAsDockerServiceSpec() {
        Cli.Result r = Cli.run(daemon.address(), "service", "create", "--name", "web", "--replicas", "3", "-e", "A=1", "--env", "B=x=y",
                "-l", "tier=front", "--constraint", "node.labels.zone==east", "-p", "8080:80",
                "--publish", "published=53,target=53,protocol=udp,mode=host", "--reserve-cpu", "0.25", "--reserve-memory", "64m",
                "--limit-cpu", "1.5", "--limit-memory", "1g", "nginx:1.27", "nginx", "-g", "daemon off;");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("ak7w3gjqoa3kuz8xcpnyy0pvl\n");
        assertThat(r.err()).isEqualTo("unable to pin image redis to digest\n");
        assertThat(daemon.targets()).containsExactly("POST /v1.49/services/create");
        assertThat(daemon.body("POST", "/services/create")).isEqualTo("{\"Name\":\"web\",\"Labels\":{\"tier\":\"front\"},"
                + "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"nginx:1.27\",\"Args\":[\"nginx\",\"-g\",\"daemon off;\"],"
                + "\"Env\":[\"A=1\",\"B=x=y\"]},\"Resources\":{\"Limits\":{\"NanoCPUs\":1500000000,\"MemoryBytes\":1073741824},"
                + "\"Reservations\":{\"NanoCPUs\":250000000,\"MemoryBytes\":67108864}},"
                + "\"Placement\":{\"Constraints\":[\"node.labels.zone==east\"]}},\"Mode\":{\"Replicated\":{\"Replicas\":3}},"
                + "\"EndpointSpec\":{\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":8080,\"PublishMode\":\"ingress\"},"
                + "{\"Protocol\":\"udp\",\"TargetPort\":53,\"PublishedPort\":53,\"PublishMode\":\"host\"}]}}");
    }

    @Test
    void createWithOnlyAnImageLeavesDefaultsToTheDaemon() {
        assertThat(Cli.run(daemon.address(), "service", "create", "redis").code()).isZero();

        assertThat(daemon.body("POST", "/services/create"))
                .isEqualTo("{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"redis\"}},\"Mode\":{\"Replicated\":{}}}");
    }

    @Test
    void createGlobalAndFlagsAfterTheImageBelongToTheContainer() {
        assertThat(Cli.run(daemon.address(), "service", "create", "--mode", "global", "--name", "g", "-d", "alpine", "ls", "-l", "--name").code())
                .isZero();

        assertThat(daemon.body("POST", "/services/create")).isEqualTo("{\"Name\":\"g\",\"TaskTemplate\":{\"ContainerSpec\":"
                + "{\"Image\":\"alpine\",\"Args\":[\"ls\",\"-l\",\"--name\"]}},\"Mode\":{\"Global\":{}}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--replicas -1", "--replicas two", "-e =1", "-e NOVALUE", "-l =v", "--publish 99999:80",
            "--publish 80:80/xyz", "--publish target=80,colour=red", "--reserve-memory 12zb", "--limit-cpu -1",
            "--limit-cpu 0.0000000001", "--constraint zone", "--mode both", "--mode global --replicas 2"})
    void badInputIsAUsageErrorBeforeAnyRequest(String flags) {
        String[] args = ("service create " + flags + " redis").split(" ");

        Cli.Result r = Cli.run(daemon.address(), args);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("shoal: ").contains("See 'shoal service create --help'.");
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void updateReadsTheServiceAndWritesBackOnlyTheChangesWithItsVersion() {
        Cli.Result r = Cli.run(daemon.address(), "service", "update", "--image", "redis:7", "--replicas", "3", "--env-add", "A=1",
                "--label-add", "x=y", "--constraint-add", "node.role==manager", "hopeful_cori");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hopeful_cori\n");
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services/hopeful_cori?insertDefaults=false",
                "POST /v1.49/services/" + ID + "/update?version=19");
        assertThat(daemon.body("POST", "/update")).isEqualTo("{\"Name\":\"hopeful_cori\",\"TaskTemplate\":{"
                + "\"ContainerSpec\":{\"Image\":\"redis:7\",\"Env\":[\"A=1\"]},\"Resources\":{\"Limits\":{},\"Reservations\":{}},"
                + "\"RestartPolicy\":{\"Condition\":\"any\",\"MaxAttempts\":0},\"Placement\":{\"Constraints\":[\"node.role==manager\"]},"
                + "\"ForceUpdate\":0},\"Mode\":{\"Replicated\":{\"Replicas\":3}},"
                + "\"UpdateConfig\":{\"Parallelism\":1,\"Delay\":1000000000,\"FailureAction\":\"pause\",\"Monitor\":15000000000,\"MaxFailureRatio\":0.15},"
                + "\"RollbackConfig\":{\"Parallelism\":1,\"Delay\":1000000000,\"FailureAction\":\"pause\",\"Monitor\":15000000000,\"MaxFailureRatio\":0.15},"
                + "\"EndpointSpec\":{\"Mode\":\"vip\",\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":6379,\"PublishedPort\":30001}]},"
                + "\"Labels\":{\"x\":\"y\"}}");
    }

    @Test
    void updatePortsAndForceTouchOnlyTheEndpointAndForceUpdate() {
        Cli.Result r = Cli.run(daemon.address(), "service", "update", "--publish-rm", "6379", "--publish-add", "8080:80",
                "--force", "hopeful_cori");

        assertThat(r.code()).as(r.err()).isZero();
        String body = daemon.body("POST", "/update");
        assertThat(body).contains("\"ForceUpdate\":1}")
                .contains("\"EndpointSpec\":{\"Mode\":\"vip\",\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,"
                        + "\"PublishedPort\":8080,\"PublishMode\":\"ingress\"}]}");
    }

    @Test
    void rollbackSendsTheCurrentSpecWithItsVersion() {
        Cli.Result r = Cli.run(daemon.address(), "service", "rollback", "-d", "hopeful_cori");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hopeful_cori\n");
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services/hopeful_cori?insertDefaults=false",
                "POST /v1.49/services/" + ID + "/update?rollback=previous&version=19");
        assertThat(daemon.body("POST", "/update")).startsWith("{\"Name\":\"hopeful_cori\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"redis\"}");
    }

    @Test
    void aStaleVersionIsTheDaemonsRefusalAndExitsOne() {
        daemon.on("POST /services/" + ID + "/update", 409, "{\"message\":\"update out of sequence\"}");

        Cli.Result r = Cli.run(daemon.address(), "service", "update", "--env-add", "A=1", "hopeful_cori");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: update out of sequence\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void scaleSetsTheReplicasOfEachServiceAndGoesOnAfterAFailure() {
        Cli.Result r = Cli.run(daemon.address(), "service", "scale", "nope=2", "hopeful_cori=5");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("hopeful_cori scaled to 5\n");
        assertThat(r.err()).isEqualTo("Error response from daemon: service nope not found\n");
        assertThat(daemon.body("POST", "/update")).contains("\"Mode\":{\"Replicated\":{\"Replicas\":5}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "web=", "=3", "web=-1", "web=three"})
    void badScaleSpecifiersAreUsageErrorsBeforeAnyRequest(String specifier) {
        Cli.Result r = Cli.run(daemon.address(), "service", "scale", "hopeful_cori=2", specifier);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(specifier);
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void scalingAGlobalServiceIsRefusedWithoutWriting() {
        daemon.on("GET /services/g", 200, "{\"ID\":\"g1\",\"Version\":{\"Index\":4},\"Spec\":{\"Name\":\"g\",\"Mode\":{\"Global\":{}}}}");

        Cli.Result r = Cli.run(daemon.address(), "service", "scale", "g=2");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("g: the replica count can only be set on a replicated service; g is global\n");
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services/g?insertDefaults=false");
    }

    @Test
    void rmRemovesEachAndReportsTheMissing() {
        daemon.on("DELETE /services/nope", 404, "{\"message\":\"service nope not found\"}");

        Cli.Result r = Cli.run(daemon.address(), "service", "rm", "hopeful_cori", "nope");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("hopeful_cori\n");
        assertThat(r.err()).isEqualTo("Error response from daemon: service nope not found\n");
        assertThat(daemon.targets()).containsExactly("DELETE /v1.49/services/hopeful_cori", "DELETE /v1.49/services/nope");
    }

    @Test
    void inspectPrintsAnIndentedArrayAsDockerDoes() {
        daemon.on("GET /services/s", 200, "{\"ID\":\"s1\",\"Spec\":{\"Name\":\"s\",\"Labels\":{}},\"Ports\":[]}");

        Cli.Result r = Cli.run(daemon.address(), "service", "inspect", "s");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("[\n    {\n        \"ID\": \"s1\",\n        \"Spec\": {\n            \"Name\": \"s\",\n"
                + "            \"Labels\": {}\n        },\n        \"Ports\": []\n    }\n]\n");
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services/s?insertDefaults=true");
    }

    @Test
    void inspectPrettyPrintsDockersHumanSections() {
        Cli.Result r = Cli.run(daemon.address(), "service", "inspect", "--pretty", "hopeful_cori");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(""
                + "ID:             9mnpnzenvg8p8tdbtq4wvbkcz\n"
                + "Name:           hopeful_cori\n"
                + "Labels:\n"
                + "Service Mode:   Replicated\n"
                + " Replicas:      1\n"
                + "ContainerSpec:\n"
                + " Image:         redis\n"
                + "Endpoint Mode:  vip\n"
                + "Ports:\n"
                + " *:30001->6379/tcp\n"
                + "\n");
        assertThat(Cli.run(daemon.address(), "service", "inspect", "--pretty", "--format", "json", "x").code()).isEqualTo(2);
    }

    @Test
    void inspectAsJsonLinesPrintsWhatWasFoundAndFailsForTheRest() {
        daemon.on("GET /services/s", 200, "{\"ID\":\"s1\"}");

        Cli.Result r = Cli.run(daemon.address(), "service", "inspect", "--format", "json", "s", "nope");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("{\"ID\":\"s1\"}\n");
        assertThat(r.err()).isEqualTo("Error response from daemon: service nope not found\n");
    }
}
