package io.shoal.cli.command.compose;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal compose}: work with Compose projects locally (no daemon needed). */
@Command(name = "compose", description = "Work with Compose projects.", subcommands = {ConfigCommand.class})
public final class ComposeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
