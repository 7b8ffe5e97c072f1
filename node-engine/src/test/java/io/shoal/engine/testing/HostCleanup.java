package io.shoal.engine.testing;

import io.shoal.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a root test leaves on the host, removed whatever happened: runc containers of the engine's runc roots
 * ({@code runc delete -f}), mounts under the test's root (the engine's run tmpfs too, unless it unmounted it), the test's cgroups; then the directory itself. Returns
 * what it had to remove, so a test can assert the engine left nothing.
 */
public final class HostCleanup {
    private HostCleanup() {
    }

    public static List<String> sweep(Path root, String cgroupParent) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        Engine.Settings engine = Engine.Settings.defaults(root);
        for (Path runcRoot : List.of(engine.runcRoot(), engine.legacyRuncRoot())) {
            if (!Files.isDirectory(runcRoot)) {
                continue;
            }
            try (var ids = Files.list(runcRoot)) {
                for (Path id : ids.filter(Files::isDirectory).toList()) {
                    found.add("runc container " + id.getFileName());
                    Process p = new ProcessBuilder("/usr/sbin/runc", "--root=" + runcRoot, "delete", "-f",
                            id.getFileName().toString()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String target = line.split(" ")[4];
            if (target.startsWith(root.toString())) {
                mounts.add(target);
            }
        }
        mounts.sort(Comparator.reverseOrder());
        for (String m : mounts) {
            found.add("mount " + m);
            new ProcessBuilder("umount", "-l", m).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        }
        try (var ctrl = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path c : ctrl.toList()) {
                Path parent = c.resolve(cgroupParent.substring(1));
                if (Files.isDirectory(parent)) {
                    try (var kids = Files.list(parent)) {
                        for (Path k : kids.filter(Files::isDirectory).toList()) {
                            found.add("cgroup " + k);
                            Files.deleteIfExists(k);
                        }
                    }
                    Files.deleteIfExists(parent);
                }
            }
        }
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return found;
    }
}
