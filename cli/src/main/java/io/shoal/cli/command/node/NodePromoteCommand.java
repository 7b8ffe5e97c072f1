package io.shoal.cli.command.node;

import io.shoal.cli.command.ApiCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shoal node promote NODE...}: sets each node's role to manager (a node update of Spec.Role). */
@Command(name = "promote", description = "Promote one or more nodes to manager in the swarm.")
public final class NodePromoteCommand extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "NODE", description = "Node id, id prefix or hostname.")
    List<String> nodes;

    @Override
    protected int execute() {
        NodeRoleChange.apply(api(), out(), nodes, "manager");
        return 0;
    }
}
