package io.shoal.bench.engine;

import io.shoal.bench.converge.linux.Host;
import io.shoal.bench.engine.linux.HostTools;
import io.shoal.engine.Engine;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.image.ContainerConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code shoal-bench engine}: the node engine against raw {@code runc run} of the same busybox rootfs, in one run
 * (root only): create→start→exit→remove of {@code /bin/true} (median of {@code --runs}), {@code --containers}
 * detached {@code sleep} containers after {@code --detached-warmup} started and removed the same way, raw and
 * through the engine (total time, and the monitors' memory per container as PSS), and the disk
 * those containers add to the engine's root. Raw runc keeps its state on a tmpfs of its own, as the engine does. Both measurements alternate raw and engine, one container each in
 * turn, so both meet the same load, the same number of running containers and the same caches, as a machine's
 * load drifts between two phases seconds apart. Besides the totals it prints the median and p90 of one detached
 * start, raw and engine, the engine's create alone, and the medians of the first and the last fifth of the starts
 * (a start path still being compiled, or anything else that grows with the running containers, shows there).
 * Everything it makes is removed at the end.
 */
public final class EngineCommand {

    /**
     * {@code detachedWarmup}: detached containers started and removed, raw and through the engine alike, before
     * the timed ones, so both are measured warm (a daemon's JIT has long compiled its start path; 0 measures cold).
     * 100 by default: after 20, the JIT compiler threads still took ~11 % of the CPU of the whole run ({@code perf
     * record -a}, by command name), and the engine's starts grew from 27 to 38 ms between the first and the last
     * fifth of the timed ones while raw runc's stayed at 22–24 ms; after 100, in the run that followed, 26 and 29 ms
     * against raw runc's 25 and 28 (on a noisier machine later both fifths grew, raw's too).
     */
    record Options(int runs, int containers, int detachedWarmup) {
        static Options parse(String[] args) {
            int runs = 50;
            int containers = 100;
            int detachedWarmup = 100;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--runs" -> runs = positive(args[i], value);
                    case "--containers" -> containers = positive(args[i], value);
                    case "--detached-warmup" -> detachedWarmup = "0".equals(value) ? 0 : positive(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            return new Options(runs, containers, detachedWarmup);
        }

        private static int positive(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(name + " needs a positive integer, got " + value);
        }
    }

    private EngineCommand() {
    }

    public static void run(String[] args, PrintStream out) throws Exception {
        Options o = Options.parse(args);
        if (new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
            throw new IllegalArgumentException("engine needs root (runc, overlayfs, cgroups)");
        }
        Path dir = Files.createTempDirectory("shoal-bench-engine");
        String cgroup = "/shoal-bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path runcRoot = dir.resolve("raw-runc");
        List<String> rawRunning = new ArrayList<>();
        Engine engine = null;
        try {
            // raw runc's state on a tmpfs, as the engine's is (and as runc's default /run/runc is on most hosts): on
            // this machine's ext4 its state directory and files cost it ~0.5 ms more per start
            HostTools.mountTmpfs(runcRoot);
            Path oci = HostTools.busyboxLayout(dir.resolve("image"));
            Path trueBundle = HostTools.rawBundle(oci, dir.resolve("raw-true"), List.of("/bin/true"));
            Path sleepBundle = HostTools.rawBundle(oci, dir.resolve("raw-sleep"), List.of("/bin/sleep", "100000"));
            engine = Engine.open(Engine.Settings.defaults(dir.resolve("engine")).withCgroupParent(cgroup));
            engine.loadOciLayout(oci, "localhost/bench");
            ContainerRequest trueReq = ContainerRequest.of("localhost/bench", ContainerConfig.of(List.of("/bin/true")),
                    HostConfig.defaults());
            ContainerRequest sleepReq = ContainerRequest.of("localhost/bench",
                    ContainerConfig.of(List.of("/bin/sleep", "100000")), HostConfig.defaults());

            int warmup = Math.min(5, o.runs());
            List<Double> raw = new ArrayList<>();
            List<Double> eng = new ArrayList<>();
            for (int i = 0; i < warmup + o.runs(); i++) {
                long t0 = System.nanoTime();
                HostTools.runcRun(runcRoot, trueBundle, "raw-true-" + i);
                long t1 = System.nanoTime();
                String id = engine.create(trueReq);
                engine.start(id);
                engine.waitFor(id).join();
                engine.remove(id, false);
                long t2 = System.nanoTime();
                if (i >= warmup) {
                    raw.add((t1 - t0) / 1e6);
                    eng.add((t2 - t1) / 1e6);
                }
            }
            out.println("true_runs=" + o.runs());
            out.println("true_raw_runc_median_ms=" + fmt(median(raw)));
            out.println("true_engine_median_ms=" + fmt(median(eng)));
            out.println("true_engine_p90_ms=" + fmt(percentile(eng, 0.9)));

            for (int i = 0; i < o.detachedWarmup(); i++) {
                String id = "raw-warm-" + i;
                HostTools.runcRunDetached(runcRoot, sleepBundle, id);
                rawRunning.add(id);
            }
            for (String id : rawRunning) {
                HostTools.runcKillDelete(runcRoot, id);
            }
            rawRunning.clear();
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < o.detachedWarmup(); i++) {
                String id = engine.create(sleepReq);
                engine.start(id);
                warm.add(id);
            }
            for (String id : warm) {
                engine.remove(id, true);
            }
            long duBefore = HostTools.duKib(dir.resolve("engine"));
            List<String> ids = new ArrayList<>();
            long rawTotal = 0;
            long engTotal = 0;
            List<Double> rawEach = new ArrayList<>();
            List<Double> engEach = new ArrayList<>();
            List<Double> createEach = new ArrayList<>();
            for (int i = 0; i < o.containers(); i++) {
                String rawId = "raw-sleep-" + i;
                long t0 = System.nanoTime();
                HostTools.runcRunDetached(runcRoot, sleepBundle, rawId);
                long t1 = System.nanoTime();
                rawRunning.add(rawId);
                String id = engine.create(sleepReq);
                long created = System.nanoTime();
                engine.start(id);
                ids.add(id);
                long t2 = System.nanoTime();
                createEach.add((created - t1) / 1e6);
                engTotal += t2 - t1;
                rawTotal += t1 - t0;
                rawEach.add((t1 - t0) / 1e6);
                engEach.add((t2 - t1) / 1e6);
            }
            long duAfter = HostTools.duKib(dir.resolve("engine"));
            long pss = 0;
            for (String id : ids) {
                ContainerRecord rec = engine.inspect(id);
                pss += HostTools.pssKib(rec.run().monitorPid());
            }
            long t0 = System.nanoTime();
            for (String id : ids) {
                engine.remove(id, true);
            }
            long removeTotal = System.nanoTime() - t0;
            out.println("detached_containers=" + o.containers());
            out.println("detached_warmup=" + o.detachedWarmup());
            out.println("detached_raw_runc_total_ms=" + fmt(rawTotal / 1e6));
            out.println("detached_engine_total_ms=" + fmt(engTotal / 1e6));
            out.println("detached_engine_vs_raw=" + fmt((double) engTotal / rawTotal));
            out.println("detached_raw_runc_median_p90_ms=" + fmt(median(rawEach)) + " " + fmt(percentile(rawEach, 0.9)));
            out.println("detached_engine_median_p90_ms=" + fmt(median(engEach)) + " " + fmt(percentile(engEach, 0.9)));
            out.println("detached_engine_create_median_ms=" + fmt(median(createEach)));
            int fifth = Math.max(1, engEach.size() / 5);
            out.println("detached_first_last_fifth_median_ms=raw " + fmt(median(rawEach.subList(0, fifth))) + " "
                    + fmt(median(rawEach.subList(rawEach.size() - fifth, rawEach.size()))) + " engine "
                    + fmt(median(engEach.subList(0, fifth))) + " " + fmt(median(engEach.subList(engEach.size() - fifth, engEach.size()))));
            out.println("monitor_pss_kib_per_container=" + fmt((double) pss / o.containers()));
            out.println("disk_growth_kib_total=" + (duAfter - duBefore));
            out.println("disk_growth_kib_per_container=" + fmt((double) (duAfter - duBefore) / o.containers()));
            out.println("force_remove_engine_total_ms=" + fmt(removeTotal / 1e6));
        } finally {
            for (String id : rawRunning) {
                HostTools.runcKillDelete(runcRoot, id);
            }
            if (engine != null) {
                for (ContainerRecord c : engine.list(true)) {
                    engine.remove(c.id(), true);
                }
                engine.close();
            }
            for (Path c : List.of(Path.of("/sys/fs/cgroup"))) {
                try (var ctrls = Files.list(c)) {
                    for (Path ctrl : ctrls.toList()) {
                        Files.deleteIfExists(ctrl.resolve(cgroup.substring(1)));
                    }
                }
            }
            Host.unmountUnder(dir); // raw runc's tmpfs, and the engine's while a container outlived it
            Host.deleteTree(dir);
        }
    }

    static double median(List<Double> xs) {
        return percentile(xs, 0.5);
    }

    static double percentile(List<Double> xs, double q) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get((int) Math.min(s.size() - 1, Math.round(q * (s.size() - 1))));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
