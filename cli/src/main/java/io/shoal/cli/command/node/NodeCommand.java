package io.shoal.cli.command.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal node}: the group; alone, it prints its usage. */
@Command(name = "node", description = "Manage swarm nodes.",
        subcommands = {NodeLsCommand.class, NodeInspectCommand.class, NodeUpdateCommand.class, NodeRmCommand.class,
                NodePromoteCommand.class, NodeDemoteCommand.class})
public final class NodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
