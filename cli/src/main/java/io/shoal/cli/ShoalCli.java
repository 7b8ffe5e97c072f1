package io.shoal.cli;

import io.shoal.cli.client.DaemonAddress;
import io.shoal.cli.client.DaemonError;
import io.shoal.cli.client.DaemonUnreachable;
import io.shoal.cli.client.EngineClient;
import io.shoal.cli.client.SwarmApi;
import io.shoal.cli.command.compose.ComposeCommand;
import io.shoal.cli.command.CliContext;
import io.shoal.cli.command.CommandFailed;
import io.shoal.cli.command.HelpCommand;
import io.shoal.cli.command.network.NetworkCommand;
import io.shoal.cli.command.node.NodeCommand;
import io.shoal.cli.command.service.ServiceCommand;
import io.shoal.cli.command.swarm.SwarmCommand;
import io.shoal.cli.command.system.InfoCommand;
import io.shoal.cli.command.system.VersionCommand;
import io.shoal.cli.spec.InvalidArgument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code shoal}: the command-line client of a Shoal manager, speaking the Docker Engine API as the docker CLI
 * does. Exit codes, for scripts: {@value #OK} success; {@value #API_ERROR} the daemon refused (its message is
 * printed as {@code Error response from daemon: ...}); {@value #USAGE} bad command line or flag value, found
 * before any request; {@value #UNREACHABLE} nothing answered at the daemon's address.
 */
@Command(name = "shoal", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = ShoalCli.Version.class,
        description = "Run and manage services on a Shoal cluster.",
        subcommands = {SwarmCommand.class, ServiceCommand.class, NodeCommand.class, ComposeCommand.class, InfoCommand.class,
                VersionCommand.class, NetworkCommand.class,
                HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 the daemon refused, 2 usage error, 3 daemon unreachable."})
public final class ShoalCli implements Runnable, CliContext {
    public static final int OK = 0;
    public static final int API_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;
    public static final String HOST_ENV = "SHOAL_HOST";

    @Option(names = {"-H", "--host"}, scope = ScopeType.INHERIT, paramLabel = "tcp://HOST:PORT",
            description = "Daemon address (default: $" + HOST_ENV + ", else " + DaemonAddress.DEFAULT + ").")
    String host;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;
    private SwarmApi api;

    public ShoalCli(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(System.getenv(), Clock.systemUTC(), out, err, args));
    }

    /** Runs one command line and returns its exit code; what main does, minus System.exit. */
    public static int run(Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(new ShoalCli(env, clock));
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(ShoalCli cli) {
        CommandLine cl = new CommandLine(cli);
        cl.setParameterExceptionHandler(usageErrors());
        cl.setExecutionExceptionHandler(failures());
        // `service create IMAGE COMMAND ARG...`: everything after the image belongs to the container.
        cl.getSubcommands().get("service").getSubcommands().get("create").setStopAtPositional(true);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Override
    public SwarmApi api() {
        if (api == null) {
            String raw = host != null ? host : env.getOrDefault(HOST_ENV, DaemonAddress.DEFAULT);
            String source = host != null ? "-H" : env.containsKey(HOST_ENV) ? HOST_ENV : "default address";
            try {
                api = new SwarmApi(new EngineClient(DaemonAddress.parse(raw)));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgument(source + ": " + e.getMessage());
            }
        }
        return api;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String clientVersion() {
        return Version.VERSION;
    }

    private static IParameterExceptionHandler usageErrors() {
        return (ParameterException e, String[] args) -> usage(e.getCommandLine(), e.getMessage());
    }

    private static int usage(CommandLine where, String message) {
        PrintWriter err = where.getErr();
        err.println("shoal: " + message);
        err.println("See '" + where.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return USAGE;
    }

    private static IExecutionExceptionHandler failures() {
        return (Exception e, CommandLine where, ParseResult parsed) -> {
            PrintWriter err = where.getErr();
            if (e instanceof InvalidArgument) {
                return usage(where, e.getMessage());
            }
            int code;
            if (e instanceof DaemonError) {
                err.println("Error response from daemon: " + e.getMessage());
                code = API_ERROR;
            } else if (e instanceof DaemonUnreachable) {
                err.println(e.getMessage());
                code = UNREACHABLE;
            } else if (e instanceof CommandFailed) {
                err.println(e.getMessage());
                code = API_ERROR;
            } else {
                err.println("shoal: unexpected error: " + e);
                code = API_ERROR;
            }
            err.flush();
            return code;
        };
    }

    /** The version Maven stamped into {@code shoal-cli.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        static final String VERSION = load();

        @Override
        public String[] getVersion() {
            return new String[] {"shoal " + VERSION + " (Docker Engine API " + EngineClient.API_VERSION + ")"};
        }

        private static String load() {
            try (InputStream in = ShoalCli.class.getResourceAsStream("shoal-cli.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                String v = p.getProperty("version", "");
                return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
