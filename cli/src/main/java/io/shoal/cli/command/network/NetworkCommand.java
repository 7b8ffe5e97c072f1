package io.shoal.cli.command.network;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal network}: the group; alone, it prints its usage. */
@Command(name = "network", description = "Manage swarm networks.",
        subcommands = {NetworkCreateCommand.class, NetworkLsCommand.class, NetworkInspectCommand.class, NetworkRmCommand.class,
                NetworkPruneCommand.class})
public final class NetworkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
