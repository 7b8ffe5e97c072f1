package io.shoal.bench.converge;

import java.nio.file.Path;

/**
 * Options of {@code shoal-bench converge}. {@code host} null means the benchmark starts its own shoald from
 * {@code shoalHome}; {@code dataRoot} is that daemon's data root when it is given with {@code --host}, so runc
 * containers can be counted too. {@code stopGraceSeconds} negative leaves the service's default. {@code warmup} rounds
 * of the same service (run, then remove, untimed) come first, so the daemon is measured as one in service would be
 * (its JIT has compiled the start path); 0 measures a freshly started daemon.
 */
record Options(int replicas, int scaleTo, boolean keepData, String host, Path dataRoot, Path shoalHome, Path imageScript,
               int runcParallel, double stopGraceSeconds, int warmup, boolean help) {
    static final String USAGE = String.join("\n",
            "usage: shoal-bench converge [--replicas 50] [--scale-to 200] [--keep-data] [--stop-grace SECONDS]",
            "                            [--warmup 1]",
            "                            [--host tcp://HOST:PORT [--data-root DIR]] [--shoal-home DIST]",
            "                            [--image-script deploy/images/busybox] [--runc-parallel N]",
            "  As root: times a real shoald (started from DIST/bin/shoald unless --host) bringing a service of",
            "  `sleep 3600` busybox tasks to --replicas running, scaling it to --scale-to, and removing it,",
            "  then the same containers with raw runc; prints one line per phase and the memory per task.",
            "  --warmup N runs and removes the service N times first, untimed (0: a freshly started daemon).");

    static Options parse(String[] args) {
        int replicas = 50;
        int scaleTo = 200;
        boolean keepData = false;
        boolean help = false;
        String host = null;
        Path dataRoot = null;
        String home = System.getProperty("shoal.home");
        Path shoalHome = Path.of(home != null ? home : "deploy/target/dist");
        Path imageScript = null;
        int parallel = Runtime.getRuntime().availableProcessors();
        double grace = -1;
        int warmup = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--keep-data" -> keepData = true;
                case "-h", "--help" -> help = true;
                case "--replicas" -> replicas = positive(a, value(args, ++i, a));
                case "--scale-to" -> scaleTo = positive(a, value(args, ++i, a));
                case "--host", "-H" -> host = value(args, ++i, a);
                case "--data-root" -> dataRoot = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--shoal-home" -> shoalHome = Path.of(value(args, ++i, a));
                case "--image-script" -> imageScript = Path.of(value(args, ++i, a));
                case "--runc-parallel" -> parallel = positive(a, value(args, ++i, a));
                case "--stop-grace" -> grace = Double.parseDouble(value(args, ++i, a));
                case "--warmup" -> warmup = nonNegative(a, value(args, ++i, a));
                default -> throw new IllegalArgumentException("converge: unknown option " + a + "\n" + USAGE);
            }
        }
        if (scaleTo < replicas) {
            throw new IllegalArgumentException("converge: --scale-to (" + scaleTo + ") must be at least --replicas (" + replicas + ")");
        }
        shoalHome = shoalHome.toAbsolutePath().normalize();
        if (imageScript == null) {
            // the distribution under deploy/target/dist of a source tree: deploy/images/busybox is two levels up
            Path inTree = shoalHome.resolve("../../images/busybox").normalize();
            imageScript = inTree.toFile().isFile() ? inTree : Path.of("deploy/images/busybox").toAbsolutePath();
        }
        return new Options(replicas, scaleTo, keepData, host, dataRoot, shoalHome, imageScript, parallel, grace, warmup,
                help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("converge: " + option + " needs a value");
        }
        return args[i];
    }

    private static int nonNegative(String option, String value) {
        return atLeast(0, "0 or a positive integer", option, value);
    }

    private static int positive(String option, String value) {
        return atLeast(1, "a positive integer", option, value);
    }

    private static int atLeast(int min, String what, String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("converge: " + option + " must be " + what + ", got \"" + value + "\"");
    }
}
