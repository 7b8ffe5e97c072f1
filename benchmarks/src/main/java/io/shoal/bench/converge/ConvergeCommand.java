package io.shoal.bench.converge;

import io.shoal.bench.converge.linux.BusyboxImage;
import io.shoal.bench.converge.linux.Host;
import io.shoal.bench.converge.linux.RawRunc;
import io.shoal.bench.converge.linux.ShoaldProcess;
import io.shoal.engine.Engine;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code shoal-bench converge}: see {@link Options#USAGE}. Everything it makes (the daemon, its containers and
 * mounts, the raw runc containers, the work directory) is removed at the end, after a failure, and on Ctrl-C
 * (a shutdown hook), unless {@code --keep-data} keeps the directory (the daemon's log and data root).
 */
public final class ConvergeCommand {
    /** Docker Swarm on this kind of machine and the goals (issue 6), for the default 50 → 200. */
    private static final Map<String, double[]> SWARM_AND_GOAL = Map.of(
            "run_50", new double[] {8.1, 1.6}, "scale_50_200", new double[] {22.6, 4.5}, "remove_200", new double[] {20.3, 4.0});
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final List<String> cleanupErrors = new ArrayList<>();
    private Path work;
    private ShoaldProcess shoald;
    private ServiceDriver driver;
    private RawRunc raw;
    private boolean cleaned;

    private ConvergeCommand(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args);
        if (options.help()) {
            out.println(Options.USAGE);
            return 0;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalArgumentException("converge: runs containers, so it must run as root");
        }
        ConvergeCommand command = new ConvergeCommand(options, out, err);
        Thread hook = new Thread(command::cleanUp, "converge-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            command.measure();
            return 0;
        } finally {
            command.cleanUp();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void measure() throws Exception {
        work = Files.createTempDirectory("shoal-converge-");
        out.println("uptime=" + Host.uptime());
        out.println("work_dir=" + work);
        BusyboxImage image = BusyboxImage.build(options.imageScript(), work.resolve("image"));
        String apiBase = options.host();
        Path runcRoot = options.dataRoot() == null ? null : runcRootOf(options.dataRoot());
        if (apiBase == null) {
            Path data = work.resolve("data");
            try (Engine engine = Engine.open(Engine.Settings.defaults(data.resolve("engine")));
                 InputStream archive = Files.newInputStream(image.archive())) {
                engine.loadDockerArchive(archive);
            }
            shoald = ShoaldProcess.start(options.shoalHome(), data, work.resolve("shoald.log"));
            apiBase = shoald.api();
            runcRoot = runcRootOf(data);
            out.println("shoald_pid=" + shoald.pid());
            out.println("shoald_log=" + shoald.log());
        }
        driver = new ServiceDriver(new DockerApi(apiBase), runcRoot, err, 600);
        driver.swarmInit();

        int n = options.replicas();
        int m = options.scaleTo();
        for (int i = 0; i < options.warmup(); i++) {
            driver.create(n, options.stopGraceSeconds());
            driver.remove();
        }
        out.println("warmup_rounds=" + options.warmup());
        ServiceDriver.Reached create = driver.create(n, options.stopGraceSeconds());
        ServiceDriver.Reached scale = driver.scale(m);
        Memory shoalMemory = Memory.ofShoald(shoald, runcRoot, m);
        ServiceDriver.Reached remove = driver.remove();
        driver = null;

        raw = RawRunc.prepare(image, work.resolve("raw"), List.of("sleep", "3600"), options.runcParallel());
        double rawCreate = timed(() -> raw.scaleUpTo(n));
        double rawScale = timed(() -> raw.scaleUpTo(m));
        Memory rawMemory = Memory.ofRaw(raw.runcRoot(), m);
        double rawRemove = timed(raw::removeAll);

        out.println("runc_parallel=" + options.runcParallel());
        phase("run_" + n, create, rawCreate);
        phase("scale_" + n + "_" + m, scale, rawScale);
        phase("remove_" + m, remove, rawRemove);
        out.println(shoalMemory.line("shoal"));
        out.println(rawMemory.line("raw_runc"));
        if (shoald != null) {
            try (var lines = Files.lines(shoald.log())) {
                out.println("shoald_failed_task_steps=" + lines.filter(l -> l.contains("task step failed")).count());
            }
        }
        out.println("uptime_after=" + Host.uptime());
    }

    private void phase(String name, ServiceDriver.Reached shoal, double raw) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "phase=%s seconds=%.2f api_seconds=%.2f runc_seen_seconds=%.2f raw_runc_seconds=%.2f ratio=%.2f",
                name, shoal.seconds(), shoal.apiSeconds(), shoal.runcSeconds(), raw, shoal.seconds() / raw));
        double[] reference = SWARM_AND_GOAL.get(name);
        if (reference != null) {
            line.append(String.format(Locale.ROOT, " swarm_seconds=%.1f goal_seconds=%.1f", reference[0], reference[1]));
        }
        out.println(line);
    }

    interface Step {
        void run() throws Exception;
    }

    /** runc's root of the engine of a shoald whose data root is {@code dataRoot}. */
    private static Path runcRootOf(Path dataRoot) {
        return Engine.Settings.defaults(dataRoot.resolve("engine")).runcRoot();
    }

    private static double timed(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Idempotent: the service, the daemon (by PID), every container and mount, then the directory. */
    private synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        attempt("service rm", () -> {
            if (driver != null) {
                driver.removeQuietly();
            }
        });
        attempt("raw runc", () -> {
            if (raw != null) {
                raw.close();
            }
        });
        attempt("shoald stop", () -> {
            if (shoald != null) {
                shoald.close();
            }
        });
        attempt("shoald containers", () -> {
            if (shoald != null) {
                Host.removeAll(runcRootOf(shoald.dataRoot()));
            }
        });
        attempt("mounts", () -> {
            if (work != null) {
                Host.unmountUnder(work);
            }
        });
        attempt("work dir", () -> {
            if (work == null) {
                return;
            }
            if (options.keepData()) {
                err.println("converge: kept " + work);
            } else {
                Host.deleteTree(work);
            }
        });
        cleanupErrors.forEach(e -> err.println("converge: cleanup: " + e));
    }

    private void attempt(String what, Step step) {
        try {
            step.run();
        } catch (Exception | Error e) {
            cleanupErrors.add(what + ": " + e);
        }
    }
}
