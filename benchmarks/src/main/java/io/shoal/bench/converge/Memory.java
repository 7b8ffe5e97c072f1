package io.shoal.bench.converge;

import io.shoal.bench.converge.linux.Host;
import io.shoal.bench.converge.linux.ShoaldProcess;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resident memory while {@code tasks} containers run: what the daemon side costs (shoald's JVM and the shoal-monitor
 * beside each container; nothing for raw runc, which exits once the container runs) and what the containers'
 * own processes take, in KiB. A monitor's RSS counts the pages every monitor shares, so its PSS is given too.
 */
record Memory(int tasks, long daemonKib, long monitorKib, long monitorPssKib, int monitors, long containerKib) {
    static Memory ofShoald(ShoaldProcess shoald, Path runcRoot, int tasks) {
        long daemon = shoald == null ? 0 : Host.rssKib(shoald.pid());
        long monitor = 0;
        long monitorPss = 0;
        int count = 0;
        if (shoald != null) {
            for (long pid : Host.monitorsUnder(shoald.dataRoot())) {
                monitor += Host.rssKib(pid);
                monitorPss += Host.pssKib(pid);
                count++;
            }
        }
        return new Memory(tasks, daemon, monitor, monitorPss, count, containers(runcRoot));
    }

    static Memory ofRaw(Path runcRoot, int tasks) {
        return new Memory(tasks, 0, 0, 0, 0, containers(runcRoot));
    }

    private static long containers(Path runcRoot) {
        if (runcRoot == null) {
            return 0;
        }
        return Host.runcList(runcRoot).stream().mapToLong(c -> Host.rssKib(c.pid())).sum();
    }

    String line(String who) {
        return String.format(Locale.ROOT,
                "memory=%s tasks=%d daemon_rss_mib=%.1f monitors=%d monitor_rss_mib=%.1f monitor_pss_mib=%.1f overhead_per_task_kib=%.0f"
                        + " overhead_pss_per_task_kib=%.0f container_rss_per_task_kib=%.0f",
                who, tasks, daemonKib / 1024.0, monitors, monitorKib / 1024.0, monitorPssKib / 1024.0, (daemonKib + monitorKib) / (double) tasks,
                (daemonKib + monitorPssKib) / (double) tasks, containerKib / (double) tasks);
    }
}
