package io.shoal.bench.converge.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Commands, runc state, /proc and /proc/mounts of this host, as the benchmark needs them. */
public final class Host {
    public static final String RUNC = "/usr/sbin/runc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Host() {}

    /** What a command printed (stdout and stderr together) and its exit status. */
    public record Result(int exit, String output) {
        public Result orThrow(String what) {
            if (exit != 0) {
                throw new IllegalStateException(what + " failed (exit " + exit + "): " + output.strip());
            }
            return this;
        }
    }

    public static Result run(List<String> cmd) {
        return run(cmd, true);
    }

    /** With {@code withStderr} false, stderr is dropped: runc list warns there about containers that vanish meanwhile. */
    private static Result run(List<String> cmd, boolean withStderr) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (withStderr) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish within 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd.get(0), e);
        }
    }

    /** A runc container as {@code runc list} shows it. */
    public record RuncContainer(String id, String status, long pid) {}

    /** Every container under a runc state root; none when the root does not exist yet. */
    public static List<RuncContainer> runcList(Path runcRoot) {
        if (!Files.isDirectory(runcRoot)) {
            return List.of();
        }
        // runc list fails now and then while a container's state directory is being deleted: try again
        List<String> cmd = List.of(RUNC, "--root", runcRoot.toString(), "list", "--format", "json");
        Result r = run(cmd, false);
        for (int attempt = 1; r.exit() != 0 && attempt < 20; attempt++) {
            pause(50);
            r = run(cmd, false);
        }
        r.orThrow("runc list under " + runcRoot);
        List<RuncContainer> out = new ArrayList<>();
        try {
            JsonNode list = JSON.readTree(r.output().isBlank() ? "[]" : r.output());
            for (JsonNode c : list) {
                out.add(new RuncContainer(c.path("id").asText(), c.path("status").asText(), c.path("pid").asLong()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("runc list under " + runcRoot + " printed no JSON: " + r.output(), e);
        }
        return out;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static long runningCount(Path runcRoot) {
        return runcList(runcRoot).stream().filter(c -> "running".equals(c.status())).count();
    }

    /** Kills and deletes every container under a runc root; returns how many there were. */
    public static int removeAll(Path runcRoot) {
        List<RuncContainer> all = runcList(runcRoot);
        for (RuncContainer c : all) {
            run(List.of(RUNC, "--root", runcRoot.toString(), "kill", c.id(), "KILL"));
            run(List.of(RUNC, "--root", runcRoot.toString(), "delete", "--force", c.id()));
        }
        return all.size();
    }

    /** Resident set size of a process in KiB (VmRSS), 0 when it is gone. */
    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** Proportional set size in KiB (Pss of smaps_rollup): shared pages such as libglib's counted once over all sharers. */
    public static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** The PIDs of the engine's shoal-monitor processes whose command line mentions {@code under} (a data root). */
    public static List<Long> monitorsUnder(Path under) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String argv0 = cmdline.split("\0", 2)[0];
                    if (argv0.contains("shoal-monitor") && cmdline.contains(under.toString())) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    /** Unmounts (lazily, deepest first) every mount point below {@code dir}. */
    public static void unmountUnder(Path dir) {
        try {
            List<String> points = Files.readAllLines(Path.of("/proc/mounts")).stream().map(l -> l.split(" ")[1])
                    .filter(m -> m.startsWith(dir.toString() + "/")).sorted(Comparator.comparingInt(String::length).reversed()).toList();
            for (String m : points) {
                run(List.of("umount", "-l", m));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/mounts: " + e.getMessage(), e);
        }
    }

    /** Removes a directory tree that holds no mounts any more. */
    public static void deleteTree(Path dir) {
        if (Files.exists(dir)) {
            run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
        }
    }

    public static String uptime() {
        return run(List.of("uptime")).output().strip();
    }
}
