package io.shoal.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.FakeDaemon;
import io.shoal.cli.client.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables, JSON lines and the rows of {@code service ls}, {@code service ps} and {@code node ls}. */
class RenderingTest {
    private static final Instant NOW = Instant.parse("2016-06-07T21:10:00Z");

    private static String print(Listing l, OutputFormat f) {
        StringWriter s = new StringWriter();
        l.print(new PrintWriter(s), f);
        return s.toString();
    }

    private static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    @Test
    void columnsAreAtLeastTenWideWithThreeSpacesAndNoTrailingBlanks() {
        Listing l = Listing.of("A", "A", "Long", "A LONGER HEADER", "C", "C").row("x", "", "").row("a-much-longer-cell", "y", "z");

        assertThat(print(l, OutputFormat.TABLE)).isEqualTo(""
                + "A                    A LONGER HEADER   C\n"
                + "x\n"
                + "a-much-longer-cell   y                 z\n");
    }

    @Test
    void jsonLinesAreKeyedByColumnName() {
        Listing l = Listing.of("ID", "ID", "Name", "NAME").row("1", "web").row("2", "db \"x\"");

        assertThat(print(l, OutputFormat.JSON)).isEqualTo("{\"ID\":\"1\",\"Name\":\"web\"}\n{\"ID\":\"2\",\"Name\":\"db \\\"x\\\"\"}\n");
    }

    @Test
    void servicesAreSortedByNameWithTheirModeReplicasImageAndIngressPorts() {
        JsonNode web = json("{'ID':'bbbbbbbbbbbbbbbbbbbbbbbbb','Spec':{'Name':'web','Mode':{'Replicated':{'Replicas':3}},"
                + "'TaskTemplate':{'ContainerSpec':{'Image':'nginx:1.27@sha256:abcd'},'Placement':{'MaxReplicas':2}}},'ServiceStatus':{'RunningTasks':2,'DesiredTasks':3},"
                + "'Endpoint':{'Ports':[{'Protocol':'tcp','TargetPort':80,'PublishedPort':8080,'PublishMode':'ingress'},"
                + "{'Protocol':'udp','TargetPort':53,'PublishedPort':53,'PublishMode':'host'}]}}");
        JsonNode agent = json("{'ID':'aaaaaaaaaaaaaaaaaaaaaaaaa','Spec':{'Name':'agent','Mode':{'Global':{}},"
                + "'TaskTemplate':{'ContainerSpec':{'Image':'alpine'}},'EndpointSpec':{'Ports':[{'TargetPort':9,'PublishedPort':9}]}},"
                + "'ServiceStatus':{'RunningTasks':0,'DesiredTasks':1}}");

        assertThat(ServiceRows.listing(List.of(web, agent), false).rows()).containsExactly(
                List.of("aaaaaaaaaaaa", "agent", "global", "0/1", "alpine", "*:9->9/tcp"),
                List.of("bbbbbbbbbbbb", "web", "replicated", "2/3 (max 2 per node)", "nginx:1.27", "*:8080->80/tcp"));
    }

    @Test
    void tasksAreGroupedBySlotNewestFirstWithHistoryIndentedAndTheReasonAStuckTaskWaits() {
        String base = FakeDaemon.fixture("task.json");
        JsonNode running = Json.parse(base);
        JsonNode failed = json("{'ID':'olderolderolder','ServiceID':'9mnpnzenvg8p8tdbtq4wvbkcz','Slot':1,'NodeID':'60gvrl6tm78dmak4yl7srz94v',"
                + "'Spec':{'ContainerSpec':{'Image':'redis@sha256:1'}},'DesiredState':'shutdown',"
                + "'Status':{'Timestamp':'2016-06-07T20:00:00Z','State':'failed','Err':'task: non-zero exit (1)'}}");
        JsonNode pending = json("{'ID':'pendingpendingpe','ServiceID':'9mnpnzenvg8p8tdbtq4wvbkcz','Slot':2,"
                + "'Spec':{'ContainerSpec':{'Image':'redis'}},'DesiredState':'running',"
                + "'Status':{'Timestamp':'2016-06-07T21:09:59.5Z','State':'pending','Message':'pending task scheduling',"
                + "'Err':'no suitable node (insufficient resources on 1 node)'}}");
        JsonNode waiting = json("{'ID':'waitingwaitingwa','ServiceID':'9mnpnzenvg8p8tdbtq4wvbkcz','Slot':3,'NodeID':'60gvrl6tm78dmak4yl7srz94v',"
                + "'Spec':{'ContainerSpec':{'Image':'redis'}},'DesiredState':'running',"
                + "'Status':{'Timestamp':'2016-06-07T21:09:00Z','State':'assigned','Message':'waiting for the worker to start it'}}");

        Listing l = TaskRows.listing(List.of(waiting, failed, pending, running), Map.of("9mnpnzenvg8p8tdbtq4wvbkcz", "redis"),
                Map.of("60gvrl6tm78dmak4yl7srz94v", "node-1"), NOW, false);

        assertThat(print(l, OutputFormat.TABLE)).isEqualTo(""
                + "ID             NAME          IMAGE     NODE      DESIRED STATE   CURRENT STATE                    ERROR                                                   PORTS\n"
                + "0kzzo1i0y4jz   redis.1       redis     node-1    Running         Running 2 minutes ago\n"
                + "olderolderol    \\_ redis.1   redis     node-1    Shutdown        Failed About an hour ago         \"task: non-zero exit (1)\"\n"
                + "pendingpendi   redis.2       redis               Running         Pending Less than a second ago   \"no suitable node (insufficient resources on 1 node)\"\n"
                + "waitingwaiti   redis.3       redis     node-1    Running         Assigned About a minute ago      \"waiting for the worker to start it\"\n");;
    }

    @Test
    void globalTasksAreNamedByTheirNode() {
        JsonNode t = json("{'ID':'t1','ServiceID':'s1','NodeID':'n1','Status':{'State':'running'},'DesiredState':'running'}");

        assertThat(TaskRows.name(t, Map.of("s1", "agent"))).isEqualTo("agent.n1");
    }

    @Test
    void nodesShowLeaderReachabilityOrNothingForWorkers() {
        JsonNode worker = json("{'ID':'w1','Spec':{'Role':'worker','Availability':'drain'},'Description':{'Hostname':'b-host',"
                + "'Engine':{'EngineVersion':'0.1.0'}},'Status':{'State':'down'}}");
        JsonNode follower = json("{'ID':'m2','Spec':{'Availability':'pause'},'Description':{'Hostname':'a-host'},'Status':{'State':'ready'},"
                + "'ManagerStatus':{'Leader':false,'Reachability':'unreachable'}}");

        assertThat(NodeRows.listing(List.of(worker, follower), "w1").rows()).containsExactly(
                List.of("m2", "a-host", "Ready", "Pause", "Unreachable", ""),
                List.of("w1 *", "b-host", "Down", "Drain", "", "0.1.0"));
    }

    @Test
    void namesSortWithTheirNumbersAsNumbers() {
        List<String> names = new java.util.ArrayList<>(List.of("web10", "web2", "db", "web02", "web1", "web", "app-3"));

        names.sort(NaturalOrder.INSTANCE);

        assertThat(names).containsExactly("app-3", "db", "web", "web1", "web2", "web02", "web10");
    }

    @ParameterizedTest
    @CsvSource({"0, Less than a second", "1, 1 second", "59, 59 seconds", "60, About a minute", "119, About a minute",
            "120, 2 minutes", "3599, 59 minutes", "3600, About an hour", "5400, 2 hours", "169200, 47 hours", "172800, 2 days",
            "1209600, 2 weeks", "5184000, 2 months", "63072000, 2 years"})
    void humanDurations(long seconds, String text) {
        assertThat(HumanTime.duration(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0B", "1023, 1023B", "1024, 1KiB", "2095882240, 1.952GiB", "25276502016, 23.54GiB", "1099511627776, 1TiB"})
    void memorySizes(long bytes, String text) {
        assertThat(SystemText.bytes(bytes)).isEqualTo(text);
    }
}
