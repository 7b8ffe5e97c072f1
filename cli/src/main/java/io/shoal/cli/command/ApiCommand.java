package io.shoal.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.DaemonError;
import io.shoal.cli.client.SwarmApi;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.spec.InvalidArgument;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb that talks to the daemon. Subclasses implement {@link #execute()} and return the exit code; errors
 * are thrown and mapped to exit codes once, by the root command ({@code ShoalCli}).
 */
public abstract class ApiCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return execute();
        } finally {
            out().flush();
            err().flush();
        }
    }

    protected abstract int execute();

    protected final CliContext context() {
        return (CliContext) spec.root().userObject();
    }

    protected final SwarmApi api() {
        return context().api();
    }

    protected final Instant now() {
        return context().clock().instant();
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected static OutputFormat format(String raw, OutputFormat defaultFormat) {
        try {
            return OutputFormat.parse(raw, defaultFormat);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument(e.getMessage());
        }
    }

    /**
     * Runs {@code action} on each of {@code refs}, as docker does for {@code rm a b c}: a refusal from the
     * daemon is printed and the others still run; the exit code is 1 if any was refused.
     */
    protected final int forEach(List<String> refs, Consumer<String> action) {
        int code = 0;
        for (String ref : refs) {
            try {
                action.accept(ref);
            } catch (DaemonError | CommandFailed e) {
                err().println((e instanceof DaemonError ? "Error response from daemon: " : "") + e.getMessage());
                code = 1;
            }
        }
        return code;
    }

    /** Docker's update response may carry {@code Warnings}; they go to stderr. */
    protected final void printWarnings(JsonNode response) {
        JsonNode w = response == null ? null : response.path("Warnings");
        if (w != null && w.isArray()) {
            w.forEach(x -> err().println(x.asText()));
        }
    }
}
