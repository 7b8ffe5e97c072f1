package io.shoal.cli.command.service;

import io.shoal.cli.command.ApiCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shoal service rm SERVICE...}: prints each removed service as given; one missing does not stop the others. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more services.")
public final class ServiceRmCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "Service name, id or id prefix.")
    List<String> services = new ArrayList<>();

    @Override
    protected int execute() {
        return forEach(services, ref -> {
            api().removeService(ref);
            out().println(ref);
        });
    }
}
