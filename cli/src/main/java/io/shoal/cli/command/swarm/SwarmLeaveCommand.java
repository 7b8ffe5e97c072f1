package io.shoal.cli.command.swarm;

import io.shoal.cli.command.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal swarm leave [--force]}: the daemon's node leaves its swarm; a manager only with --force. */
@Command(name = "leave", description = "Leave the swarm.")
public final class SwarmLeaveCommand extends ApiCommand {
    @Option(names = {"-f", "--force"}, description = "Force this node to leave the swarm, ignoring warnings.")
    boolean force;

    @Override
    protected int execute() {
        api().leaveSwarm(force);
        out().println("Node left the swarm.");
        return 0;
    }
}
