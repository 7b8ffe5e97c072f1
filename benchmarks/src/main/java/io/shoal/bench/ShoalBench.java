package io.shoal.bench;

import io.shoal.bench.api.ApiBench;
import io.shoal.bench.engine.EngineCommand;
import io.shoal.bench.network.NetworksCommand;
import io.shoal.bench.scheduler.SchedulerCommand;
import io.shoal.bench.simulation.SimulateCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of {@code shoal-bench}: one subcommand per benchmark, each printing one {@code
 * name=value} per line on stdout. Exit status 2 on bad arguments, 1 when a benchmark fails.
 */
public final class ShoalBench {
    private static final String USAGE = String.join("\n",
            "usage: shoal-bench scheduler --nodes N --tasks M --services S [--seed X]",
            "                             [--shape mixed|plain|constraints|preferences] [--warmup K]",
            "       shoal-bench simulate [--nodes N] [--steps K] [--seed X]",
            "       shoal-bench api [-H tcp://HOST:PORT] [--services N] [--updates N] [--clients N]",
            "       shoal-bench networks [--tasks N] [--runs K]",
            "       shoal-bench engine [--runs N] [--containers M] [--detached-warmup W]   (root: node engine vs raw runc)",
            "       shoal-bench dataplane [--tasks N] [--services S] [--runs K] [--megabytes M]   (root: attach, VIPs, throughput)");

    private ShoalBench() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "scheduler":
                    SchedulerCommand.run(SchedulerCommand.Options.parse(rest), out);
                    return 0;
                case "simulate":
                    return SimulateCommand.run(rest, out);
                case "networks":
                    NetworksCommand.run(rest, out);
                    return 0;
                case "engine":
                    EngineCommand.run(rest, out);
                    return 0;
                case "api":
                    ApiBench.main(rest);
                    return 0;
                case "dataplane":
                    io.shoal.bench.dataplane.DataplaneCommand.run(rest, out);
                    return 0;
                case "converge": return io.shoal.bench.converge.ConvergeCommand.run(rest, out, err);
                case "-h":
                case "--help":
                case "help":
                    out.println(USAGE);
                    return 0;
                default:
                    err.println(USAGE);
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println("shoal-bench: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("shoal-bench: " + command + " failed: " + e);
            return 1;
        }
    }
}
