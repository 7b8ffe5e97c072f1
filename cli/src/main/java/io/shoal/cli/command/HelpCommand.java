package io.shoal.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shoal help [COMMAND...]}: the usage of any command, however deep ({@code shoal help service create}). */
@Command(name = "help", helpCommand = true, description = "Display help information about the specified command.")
public final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to show the usage of, e.g. service create.")
    List<String> path = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.root().commandLine();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new ParameterException(spec.commandLine(), "unknown command \"" + String.join(" ", path) + "\"");
            }
            target = next;
        }
        target.usage(spec.commandLine().getOut());
    }
}
