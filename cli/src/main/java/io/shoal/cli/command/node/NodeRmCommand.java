package io.shoal.cli.command.node;

import io.shoal.cli.command.ApiCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal node rm [--force] NODE...}: removes nodes from the swarm (down ones, or any with --force). */
@Command(name = "rm", aliases = "remove", description = "Remove one or more nodes from the swarm.")
public final class NodeRmCommand extends ApiCommand {
    @Option(names = {"-f", "--force"}, description = "Force-remove a node from the swarm.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "NODE", description = "Node id, id prefix or hostname.")
    List<String> nodes;

    @Override
    protected int execute() {
        for (String n : nodes) {
            api().removeNode(n, force);
            out().println(n);
        }
        return 0;
    }
}
