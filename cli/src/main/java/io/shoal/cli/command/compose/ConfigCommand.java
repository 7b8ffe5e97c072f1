package io.shoal.cli.command.compose;

import io.shoal.compose.ComposeConfig;
import io.shoal.compose.ComposeException;
import io.shoal.compose.ConfigOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal compose config}: prints the canonical project, as {@code docker compose config} does,
 * with the process environment as the interpolation environment. Exit 0 with the project on stdout, or 1 with
 * the error ({@code file:line: what}) on stderr.
 */
@Command(name = "config", description = "Parse, resolve and render the Compose project in canonical form.")
public final class ConfigCommand implements Callable<Integer> {
    static final int INVALID = 1;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose file (repeatable; default: "
            + "$COMPOSE_FILE, else compose.yaml and its override in this folder or above).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Environment file (repeatable; default: .env "
            + "in the project folder).")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile to enable (repeatable; default: "
            + "$COMPOSE_PROFILES).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--project-directory", paramLabel = "DIR", description = "Project folder (default: the folder "
            + "of the first file).")
    Path projectDirectory;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
    String projectName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or yaml.")
    String format;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Path workingDir;

    public ConfigCommand() {
        this(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** For tests: a given environment and current folder instead of the process's. */
    public ConfigCommand(Map<String, String> env, Path workingDir) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        if (!format.equals("json") && !format.equals("yaml")) {
            spec.commandLine().getErr().println("shoal: --format must be json or yaml, not \"" + format + "\"");
            spec.commandLine().getErr().flush();
            return 2;
        }
        ConfigOptions options = new ConfigOptions(files, envFiles, profiles, Optional.ofNullable(projectDirectory),
                Optional.ofNullable(projectName), format);
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // the schema validator logs through SLF4J; a CLI run without a binding should not warn about it
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        try {
            String out = ComposeConfig.render(options, env, workingDir);
            spec.commandLine().getOut().print(out);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ComposeException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return INVALID;
        }
    }
}
