package io.shoal.cli.command.service;

import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.Inspection;
import io.shoal.cli.output.OutputFormat;
import io.shoal.cli.output.ServicePretty;
import io.shoal.cli.spec.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal service inspect SERVICE...}: the services' JSON as the daemon has it, as a pretty array (or JSON lines). */
@Command(name = "inspect", description = "Display detailed information on one or more services.")
public final class ServiceInspectCommand extends ApiCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "pretty (default: an indented JSON array) or json (one object per line).")
    String format;

    @Option(names = "--pretty", description = "Print the information in a human friendly format.")
    boolean pretty;

    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "Service name, id or id prefix.")
    List<String> services = new ArrayList<>();

    @Override
    protected int execute() {
        if (pretty && format != null) {
            throw new InvalidArgument("--format is incompatible with --pretty");
        }
        if (pretty) {
            return forEach(services, ref -> {
                ServicePretty.print(out(), api().inspectService(ref));
                out().println();
            });
        }
        Inspection inspection = new Inspection(format(format, OutputFormat.PRETTY));
        int code = forEach(services, ref -> inspection.add(api().inspectService(ref)));
        inspection.print(out());
        return code;
    }
}
