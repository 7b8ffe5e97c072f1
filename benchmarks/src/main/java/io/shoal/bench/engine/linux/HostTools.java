package io.shoal.bench.engine.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host side of {@code shoal-bench engine}: builds the busybox image with umoci (no Shoal involved), runs raw
 * {@code runc} as the baseline, and reads memory (PSS of the monitors) and disk usage.
 */
public final class HostTools {

    private HostTools() {
    }

    /** An OCI layout tagged {@code latest} (cmd sh) and a runc bundle unpacked from it, under {@code dir}. */
    public static Path busyboxLayout(Path dir) throws IOException, InterruptedException {
        Path oci = dir.resolve("oci");
        Path bundle = dir.resolve("build");
        run("umoci", "init", "--layout", oci.toString());
        run("umoci", "new", "--image", oci + ":latest");
        run("umoci", "unpack", "--image", oci + ":latest", bundle.toString());
        Path rootfs = bundle.resolve("rootfs");
        for (String d : List.of("bin", "etc", "tmp", "proc", "sys", "dev", "root")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        for (String applet : List.of("sh", "true", "sleep")) {
            Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        run("umoci", "repack", "--image", oci + ":latest", bundle.toString());
        run("umoci", "config", "--image", oci + ":latest", "--config.env", "PATH=/bin", "--config.cmd", "sh");
        return oci;
    }

    /** A plain runc bundle of the same image for the raw baseline, running {@code args}. */
    public static Path rawBundle(Path oci, Path dir, List<String> args) throws IOException, InterruptedException {
        run("umoci", "unpack", "--image", oci + ":latest", dir.toString());
        Path config = dir.resolve("config.json");
        String json = Files.readString(config);
        StringBuilder argv = new StringBuilder("\"args\": [");
        for (int i = 0; i < args.size(); i++) {
            argv.append(i == 0 ? "" : ", ").append('"').append(args.get(i)).append('"');
        }
        argv.append(']');
        json = json.replaceFirst("\"args\": \\[[^\\]]*\\]", argv.toString().replace("\\", "\\\\"))
                .replace("\"terminal\": true", "\"terminal\": false");
        Files.writeString(config, json);
        return dir;
    }

    /** A small tmpfs mounted at {@code dir} (made if missing), for runc's state; {@code Host.unmountUnder} takes it away. */
    public static Path mountTmpfs(Path dir) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", dir.toString());
        return dir;
    }

    /** {@code runc run} in the foreground: create, start, wait, delete. */
    public static void runcRun(Path runcRoot, Path bundle, String id) throws IOException, InterruptedException {
        run("/usr/sbin/runc", "--root=" + runcRoot, "run", "-b", bundle.toString(), id);
    }

    /** {@code runc run -d}: the container keeps running with its stdio on /dev/null. */
    public static void runcRunDetached(Path runcRoot, Path bundle, String id) throws IOException, InterruptedException {
        // the container inherits runc's stdio: /dev/null, or reading runc's output would wait for the container
        Process p = new ProcessBuilder("/usr/sbin/runc", "--root=" + runcRoot, "run", "-d", "-b", bundle.toString(), id)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("runc run -d " + id + " failed");
        }
    }

    public static void runcKillDelete(Path runcRoot, String id) throws IOException, InterruptedException {
        runQuietly("/usr/sbin/runc", "--root=" + runcRoot, "kill", id, "KILL");
        runQuietly("/usr/sbin/runc", "--root=" + runcRoot, "delete", "-f", id);
    }

    /** Proportional set size of a process in KiB (its fair share of shared pages), 0 if it is gone. */
    public static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Disk used under {@code dir} in KiB, not crossing into other filesystems (overlay rootfs mounts). */
    public static long duKib(Path dir) throws IOException, InterruptedException {
        return Long.parseLong(run("du", "-sxk", dir.toString()).split("\\s+")[0]);
    }

    private static void runQuietly(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.waitFor(60, TimeUnit.SECONDS);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(cmd));
        Process p = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
        return out;
    }
}
