package io.shoal.cli.command.swarm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal swarm}: the group; alone, it prints its usage. */
@Command(name = "swarm", description = "Manage the swarm.", subcommands = {SwarmInitCommand.class, SwarmJoinCommand.class, SwarmJoinTokenCommand.class, SwarmLeaveCommand.class,
        SwarmUpdateCommand.class})
public final class SwarmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
