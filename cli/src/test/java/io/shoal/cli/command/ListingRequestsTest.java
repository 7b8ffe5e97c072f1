package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code service ls|ps} and {@code node ls|inspect|update}: the requests docker makes, and what is printed. */
class ListingRequestsTest {
    private static final String SERVICE_ID = "9mnpnzenvg8p8tdbtq4wvbkcz";
    private final FakeDaemon daemon = new FakeDaemon()
            .on("GET /services", 200, "[" + withStatus(FakeDaemon.fixture("service.json")) + "]")
            .onFixture("GET /services/hopeful_cori", "service.json")
            .on("GET /tasks", 200, "[" + FakeDaemon.fixture("task.json") + "]")
            .on("GET /nodes", 200, "[" + FakeDaemon.fixture("node.json").replace("24ifsmvkjbyhk", "60gvrl6tm78dmak4yl7srz94v") + ","
                    + FakeDaemon.fixture("node.json") + "]")
            .onFixture("GET /nodes/24ifsmvkjbyhk", "node.json")
            .onFixture("GET /info", "info.json")
            .on("POST /nodes/24ifsmvkjbyhk/update", 200, "");

    @AfterEach
    void stop() {
        daemon.close();
    }

    private static String withStatus(String service) {
        return service.replaceFirst("\\}\\s*$", ",\"ServiceStatus\":{\"RunningTasks\":1,\"DesiredTasks\":1}}");
    }

    @Test
    void serviceLsAsksForStatusAndPrintsDockersColumns() {
        Cli.Result r = Cli.run(daemon.address(), "service", "ls");

        assertThat(r.code()).isZero();
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services?status=true");
        assertThat(r.out()).isEqualTo(""
                + "ID             NAME           MODE         REPLICAS   IMAGE     PORTS\n"
                + "9mnpnzenvg8p   hopeful_cori   replicated   1/1        redis     *:30001->6379/tcp\n");
    }

    @Test
    void serviceLsQuietAndJson() {
        assertThat(Cli.run(daemon.address(), "service", "ls", "-q").out()).isEqualTo(SERVICE_ID + "\n");
        assertThat(Cli.run(daemon.address(), "service", "ls", "--format", "json").out()).isEqualTo("{\"ID\":\"9mnpnzenvg8p\","
                + "\"Name\":\"hopeful_cori\",\"Mode\":\"replicated\",\"Replicas\":\"1/1\",\"Image\":\"redis\",\"Ports\":\"*:30001->6379/tcp\"}\n");
    }

    @Test
    void serviceLsRefusesGoTemplates() {
        Cli.Result r = Cli.run(daemon.address(), "service", "ls", "--format", "{{.Name}}");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Go templates are not supported");
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void servicePsResolvesTheServiceThenFiltersTasksByItsIdAndNamesNodes() {
        Cli.Result r = Cli.run(daemon.address(), "service", "ps", "hopeful_cori");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services/hopeful_cori?insertDefaults=false",
                "GET /v1.49/tasks?filters={\"service\":{\"" + SERVICE_ID + "\":true}}", "GET /v1.49/nodes");
        assertThat(r.out()).isEqualTo(""
                + "ID             NAME             IMAGE     NODE           DESIRED STATE   CURRENT STATE           ERROR     PORTS\n"
                + "0kzzo1i0y4jz   hopeful_cori.1   redis     bf3067039e47   Running         Running 2 minutes ago\n");
    }

    @Test
    void filtersBecomeDockersFiltersParameter() {
        assertThat(Cli.run(daemon.address(), "service", "ls", "-f", "name=hop", "--filter", "label=a=b", "-f", "name=x").code()).isZero();
        assertThat(Cli.run(daemon.address(), "node", "ls", "-q", "-f", "role=manager").code()).isZero();
        assertThat(Cli.run(daemon.address(), "service", "ps", "-q", "-f", "desired-state=running", "hopeful_cori").code()).isZero();

        assertThat(daemon.targets()).containsExactly(
                "GET /v1.49/services?filters={\"name\":{\"hop\":true,\"x\":true},\"label\":{\"a=b\":true}}&status=true",
                "GET /v1.49/nodes?filters={\"role\":{\"manager\":true}}",
                "GET /v1.49/services/hopeful_cori?insertDefaults=false",
                "GET /v1.49/tasks?filters={\"service\":{\"" + SERVICE_ID + "\":true},\"desired-state\":{\"running\":true}}",
                "GET /v1.49/nodes");
    }

    @Test
    void aFilterThatIsNotKeyValueIsAUsageError() {
        Cli.Result r = Cli.run(daemon.address(), "service", "ls", "-f", "name");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid filter \"name\": expected KEY=VALUE");
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void servicePsOfAnUnknownServiceExitsOne() {
        Cli.Result r = Cli.run(daemon.address(), "service", "ps", "nope");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error response from daemon: page not found\n");
    }

    @Test
    void nodeLsMarksTheNodeThatAnswersAsDockerDoes() {
        Cli.Result r = Cli.run(daemon.address(), "node", "ls");

        assertThat(r.code()).isZero();
        assertThat(daemon.targets()).containsExactly("GET /v1.49/nodes", "GET /v1.49/info");
        assertThat(r.out()).isEqualTo(""
                + "ID                          HOSTNAME       STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION\n"
                + "24ifsmvkjbyhk *             bf3067039e47   Ready     Active         Leader           17.06.0\n"
                + "60gvrl6tm78dmak4yl7srz94v   bf3067039e47   Ready     Active         Leader           17.06.0\n");
    }

    @Test
    void nodeInspectSelfAsksInfoForTheNodeId() {
        Cli.Result r = Cli.run(daemon.address(), "node", "inspect", "--format", "json", "self");

        assertThat(r.code()).isZero();
        assertThat(daemon.targets()).containsExactly("GET /v1.49/info", "GET /v1.49/nodes/24ifsmvkjbyhk");
        assertThat(r.out()).startsWith("{\"ID\":\"24ifsmvkjbyhk\",\"Version\":{\"Index\":373531}").endsWith("}\n");
    }

    @Test
    void nodeUpdateSendsTheWholeSpecBackWithItsVersion() {
        Cli.Result r = Cli.run(daemon.address(), "node", "update", "--availability", "drain", "--role", "worker",
                "--label-add", "zone=east", "--label-rm", "foo", "24ifsmvkjbyhk");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("24ifsmvkjbyhk\n");
        assertThat(daemon.targets()).containsExactly("GET /v1.49/nodes/24ifsmvkjbyhk",
                "POST /v1.49/nodes/24ifsmvkjbyhk/update?version=373531");
        assertThat(daemon.body("POST", "/update"))
                .isEqualTo("{\"Name\":\"my-node\",\"Labels\":{\"zone\":\"east\"},\"Role\":\"worker\",\"Availability\":\"drain\"}");
    }

    @Test
    void nodeUpdateRefusesUnknownAvailabilityBeforeAnyRequest() {
        Cli.Result r = Cli.run(daemon.address(), "node", "update", "--availability", "off", "24ifsmvkjbyhk");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("shoal: invalid availability \"off\": expected active, pause or drain\n");
        assertThat(daemon.requests()).isEmpty();
    }
}
