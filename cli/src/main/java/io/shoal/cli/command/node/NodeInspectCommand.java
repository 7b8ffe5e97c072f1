package io.shoal.cli.command.node;

import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Inspection;
import io.shoal.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal node inspect NODE...}; {@code self} is the node answering the API. */
@Command(name = "inspect", description = "Display detailed information on one or more nodes.")
public final class NodeInspectCommand extends ApiCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "pretty (default: an indented JSON array) or json (one object per line).")
    String format;

    @Parameters(paramLabel = "NODE", arity = "1..*", description = "Node id, id prefix, hostname, or self.")
    List<String> nodes = new ArrayList<>();

    @Override
    protected int execute() {
        Inspection inspection = new Inspection(format(format, OutputFormat.PRETTY));
        int code = forEach(nodes, ref -> inspection.add(api().node(resolve(ref))));
        inspection.print(out());
        return code;
    }

    private String resolve(String ref) {
        return ref.equals("self") ? Json.text(api().info(), "Swarm", "NodeID") : ref;
    }
}
