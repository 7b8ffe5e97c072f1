package io.shoal.bench;

import io.shoal.bench.scheduler.SchedulerCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of {@code shoal-bench}: {@code shoal-bench scheduler --nodes N --tasks M --services S
 * [--seed X] [--shape mixed|plain|constraints|preferences] [--warmup K]}. Prints one {@code name=value}
 * per line. Exit status 2 on bad arguments.
 */
public final class ShoalBench {
    private ShoalBench() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("scheduler")) {
            err.println("usage: shoal-bench scheduler --nodes N --tasks M --services S [--seed X] "
                    + "[--shape mixed|plain|constraints|preferences] [--warmup K]");
            return 2;
        }
        try {
            SchedulerCommand.Options options = SchedulerCommand.Options.parse(Arrays.copyOfRange(args, 1, args.length));
            SchedulerCommand.run(options, out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("shoal-bench: " + e.getMessage());
            return 2;
        }
    }
}
