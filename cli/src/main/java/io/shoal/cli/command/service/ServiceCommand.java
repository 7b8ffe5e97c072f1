package io.shoal.cli.command.service;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shoal service}: the group; alone, it prints its usage. */
@Command(name = "service", description = "Manage services.",
        subcommands = {ServiceCreateCommand.class, ServiceLsCommand.class, ServicePsCommand.class, ServiceLogsCommand.class, ServiceInspectCommand.class,
                ServiceScaleCommand.class, ServiceUpdateCommand.class, ServiceRollbackCommand.class, ServiceRmCommand.class})
public final class ServiceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
