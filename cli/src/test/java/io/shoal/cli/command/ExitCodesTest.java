package io.shoal.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Cli;
import io.shoal.cli.FakeDaemon;
import io.shoal.cli.ShoalCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exit codes scripts rely on: 0 ok, 1 refused by the daemon, 2 usage, 3 unreachable; and version negotiation. */
class ExitCodesTest {
    private final FakeDaemon daemon = new FakeDaemon().on("GET /services", 200, "[]");

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void successIsZeroAndAnEmptyListIsJustTheHeader() {
        Cli.Result r = Cli.run(daemon.address(), "service", "ls");

        assertThat(r.code()).isEqualTo(ShoalCli.OK);
        assertThat(r.out()).isEqualTo("ID        NAME      MODE      REPLICAS   IMAGE     PORTS\n");
    }

    @Test
    void aRefusalIsOneWithDockersMessage() {
        daemon.on("GET /services", 503, "{\"message\":\"This node is not a swarm manager.\"}");

        Cli.Result r = Cli.run(daemon.address(), "service", "ls");

        assertThat(r.code()).isEqualTo(ShoalCli.API_ERROR);
        assertThat(r.err()).isEqualTo("Error response from daemon: This node is not a swarm manager.\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRefusalWithoutJsonShowsItsText() {
        daemon.on("GET /services", 500, "internal trouble");

        assertThat(Cli.run(daemon.address(), "service", "ls").err()).isEqualTo("Error response from daemon: internal trouble\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "service ls --bogus", "service", "service ps", "service create", "node update --role boss n1", "frobnicate",
            "help service frob"})
    void usageErrorsAreTwo(String args) {
        Cli.Result r = Cli.run(daemon.address(), args.split(" "));

        if (args.equals("service")) {
            assertThat(r.code()).isEqualTo(ShoalCli.OK);
            assertThat(r.out()).contains("Usage: shoal service");
        } else {
            assertThat(r.code()).isEqualTo(ShoalCli.USAGE);
            assertThat(r.err()).startsWith("shoal: ");
            assertThat(daemon.requests()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"service create --help, Usage: shoal service create", "node update -h, Usage: shoal node update",
            "--version, shoal ", "help service create, Usage: shoal service create", "help, Usage: shoal [", "--help, Exit codes: 0 ok, 1 the daemon refused, 2 usage error, 3 daemon unreachable."})
    void helpAndVersionAreZeroWithoutARequest(String args, String printed) {
        Cli.Result r = Cli.run(daemon.address(), args.split(" "));

        assertThat(r.code()).isEqualTo(ShoalCli.OK);
        assertThat(r.out()).contains(printed);
        assertThat(daemon.requests()).isEmpty();
    }

    @Test
    void anUnreachableDaemonIsThreeAndNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Cli.Result r = Cli.run("tcp://127.0.0.1:" + port, "service", "ls");

        assertThat(r.code()).isEqualTo(ShoalCli.UNREACHABLE);
        assertThat(r.err()).startsWith("Cannot connect to the Shoal daemon at tcp://127.0.0.1:" + port + ".");
    }

    @Test
    void versionStillPrintsTheClientWhenTheDaemonIsDown() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Cli.Result r = Cli.run("tcp://127.0.0.1:" + port, "version");

        assertThat(r.code()).isEqualTo(ShoalCli.UNREACHABLE);
        assertThat(r.out()).startsWith("Client:\n Version:");
    }

    @Test
    void hostFlagWinsOverTheEnvironmentAndWorksAfterTheSubcommand() {
        Cli.Result r = Cli.run(Map.of(ShoalCli.HOST_ENV, "tcp://127.0.0.1:1"), "service", "ls", "-H", daemon.address());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(daemon.targets()).containsExactly("GET /v1.49/services?status=true");
    }

    @ParameterizedTest
    @CsvSource({"unix:///var/run/docker.sock", "tcp://host:port", "tcp://", "https://h:2376"})
    void aBadAddressIsAUsageError(String address) {
        Cli.Result r = Cli.run(address, "service", "ls");

        assertThat(r.code()).isEqualTo(ShoalCli.USAGE);
        assertThat(r.err()).startsWith("shoal: SHOAL_HOST: invalid address");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"1.49, /v1.49/services", "1.45, /v1.45/services", "1.50, /v1.49/services",
            "none, /services"})
    void theApiVersionIsNegotiatedThroughPing(String announced, String path) {
        daemon.apiVersion(announced);

        assertThat(Cli.run(daemon.address(), "service", "ls").code()).isZero();

        assertThat(daemon.requests().get(0).target()).isEqualTo("HEAD /_ping");
        assertThat(daemon.targets()).containsExactly("GET " + path + "?status=true");
    }
}
