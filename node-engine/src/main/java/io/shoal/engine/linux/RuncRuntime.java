package io.shoal.engine.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.host.ExecSpec;
import io.shoal.engine.host.OciRuntime;
import io.shoal.engine.host.OverlayRootfs;
import io.shoal.engine.host.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * runc under the engine's own monitor, {@code shoal-monitor} ({@link MonitorBinary}; source in
 * {@code src/main/c}). The engine spawns it itself ({@link MonitorSpawn}: posix_spawn with the sync pipe on
 * fd 3); the monitor leaves the engine's session for its own, mounts the container's rootfs in a mount namespace
 * of its own (the host's mount table stays small, and runc copies it at every start), becomes the child subreaper,
 * runs
 * {@code runc run --detach} with the container's stdout and stderr on pipes it holds (with a terminal: the pty
 * runc hands over on a console socket), replies with the container's pid and its own, goes back to the host's
 * mount namespace (the container's own holds the rootfs from then on), then writes the output
 * to the log file in k8s-file lines and, when the container's init is re-parented to it and exits, its exit
 * code to {@code exitDir/<id>}, where {@link ExitWatcher} sees it. So containers outlive the engine, an exit is
 * never lost, and each running container costs one small static process. The monitor stays the engine's child
 * (one process hop less per start than forking away from it): {@link ExitWatcher} reaps it once it ends.
 *
 * <p>Before it, Debian's conmon did this job behind a {@code sh} that turned conmon's {@code create} into
 * {@code run --detach}: conmon spent 4–14 ms of every start linking glib, libsystemd and libgcrypt before it ran
 * the runtime, and cost 0.35 MiB PSS per container.
 */
public final class RuncRuntime implements OciRuntime {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_WAIT = Duration.ofMinutes(2);

    private final String runc;
    private final String monitor;
    private final Path runcRoot;
    private final Path legacyRoot;
    private final ExitWatcher exits;
    private final Map<String, String> environment = Map.copyOf(System.getenv());

    /**
     * {@code runcRoot} is runc's {@code --root} for every run from now on (on the engine's tmpfs);
     * {@code legacyRoot} is where earlier engines kept it: a container whose state directory is there is still
     * driven there (kill, pause, exec, delete) until it is deleted, so containers outlive an upgrade.
     */
    public RuncRuntime(String runc, String monitor, Path runcRoot, Path legacyRoot, Path exitDir) throws IOException {
        this.runc = runc;
        this.monitor = monitor;
        this.runcRoot = runcRoot;
        this.legacyRoot = legacyRoot;
        Files.createDirectories(runcRoot);
        this.exits = new ExitWatcher(exitDir);
    }

    /** The runc root that holds {@code id}'s state: the legacy one if it is there, else the current one. */
    private Path rootOf(String id) {
        return legacyRoot != null && Files.isDirectory(legacyRoot.resolve(id)) ? legacyRoot : runcRoot;
    }

    @Override
    public Created run(String id, Path bundle, OverlayRootfs rootfs, Path logFile, long logSizeMax, boolean tty)
            throws IOException {
        Files.deleteIfExists(bundle.resolve("oom"));
        List<String> cmd = new ArrayList<>(List.of(monitor, "--id", id, "--bundle", bundle.toString(),
                "--rootfs", rootfs.target().toString(), "--overlay", rootfs.mountData(),
                "--runc", runc, "--runc-root", runcRoot.toString(), "--log", logFile.toString(),
                "--exit-file", exits.fileOf(id).toString(), "--log-max", Long.toString(Math.max(0, logSizeMax))));
        if (tty) {
            cmd.add("--tty");
        }
        Path err = bundle.resolve("monitor.err");
        try (MonitorSpawn spawned = MonitorSpawn.start(cmd, environment, bundle, err)) {
            String reply = spawned.readReply(REPLY_WAIT);
            JsonNode node = reply.isEmpty() ? null : JSON.readTree(reply);
            if (node != null && node.path("data").asLong(-1) > 0 && node.path("monitor").asLong(-1) == spawned.pid()) {
                exits.adopt(spawned.detach());
                return new Created(node.path("data").asLong(), spawned.pid());
            }
            int status = spawned.awaitExit(); // it ends right after a refusal
            String message = node == null ? "the monitor gave no pid" : node.path("message").asText("run failed");
            if (status != 0 && node == null) {
                message += " (shoal-monitor exited with " + status + ")";
            }
            if (Files.exists(err) && Files.size(err) > 0) {
                message += " (" + Files.readString(err).trim() + ")";
            }
            throw new IOException("run " + id + ": " + message.trim());
        }
    }

    @Override
    public void kill(String id, String signal) throws IOException {
        runc("kill", id, signal);
    }

    @Override
    public void pause(String id) throws IOException {
        runc("pause", id);
    }

    @Override
    public void resume(String id) throws IOException {
        runc("resume", id);
    }

    @Override
    public void delete(String id) throws IOException {
        exits.forget(id);
        if (deleteStopped(id)) {
            return;
        }
        List<String> cmd = List.of(runc, "--root=" + rootOf(id), "delete", "--force", id);
        Result r = exec(cmd);
        if (r.code != 0 && !r.stderr.contains("does not exist")) {
            throw new IOException("runc delete " + id + ": " + r.stderr.trim());
        }
    }

    /**
     * What {@code runc delete} does for a container whose init has exited, without a runc process (~10 ms less per
     * removal): remove its cgroup directories and its state directory. False when it may still run (then runc
     * deletes it) or when a cgroup is still busy.
     */
    private boolean deleteStopped(String id) throws IOException {
        Path stateDir = rootOf(id).resolve(id);
        Path state = stateDir.resolve("state.json");
        if (!Files.isRegularFile(state)) {
            return !Files.exists(stateDir);
        }
        JsonNode s = JSON.readTree(state.toFile());
        long pid = s.path("init_process_pid").asLong(0);
        if (pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        for (JsonNode path : s.path("cgroup_paths")) {
            Path dir = Path.of(path.asText());
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                return false; // still has tasks or children: let runc deal with it
            }
        }
        Trees.delete(stateDir);
        return true;
    }

    @Override
    public Optional<String> status(String id) throws IOException {
        Result r = exec(List.of(runc, "--root=" + rootOf(id), "state", id));
        if (r.code != 0) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(r.stdout).path("status").asText());
    }

    @Override
    public int exec(String id, ExecSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(runc, "--root=" + rootOf(id), "exec"));
        for (String e : spec.env()) {
            cmd.add("--env");
            cmd.add(e);
        }
        if (!spec.user().isEmpty()) {
            cmd.addAll(List.of("--user", spec.user()));
        }
        if (!spec.cwd().isEmpty()) {
            cmd.addAll(List.of("--cwd", spec.cwd()));
        }
        if (spec.tty()) {
            cmd.add("--tty");
        }
        cmd.add(id);
        cmd.addAll(spec.argv());
        if (spec.tty()) {
            // runc --tty needs a controlling terminal: util-linux script makes one and copies it to our pipes
            cmd = List.of("script", "-qfec", cmd.stream().map(RuncRuntime::shellQuote)
                    .collect(java.util.stream.Collectors.joining(" ")), "/dev/null");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        Thread in = stdin == null ? null : pump(stdin, p.getOutputStream(), true, "exec-stdin-" + id);
        Thread out = pump(p.getInputStream(), stdout, false, "exec-stdout-" + id);
        Thread err = pump(p.getErrorStream(), stderr, false, "exec-stderr-" + id);
        try {
            boolean done = true;
            if (spec.timeout() == null) {
                p.waitFor();
            } else {
                done = p.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!done) {
                p.destroy(); // runc exec passes SIGTERM on to the process it runs
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
            out.join();
            err.join();
            if (in != null) {
                in.interrupt();
            }
            return done ? p.exitValue() : EXEC_TIMED_OUT;
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("exec in " + id + " interrupted", e);
        }
    }

    /** One shell word whatever the text: single-quoted, embedded quotes closed and escaped. */
    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeTo, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = from.read(buf)) > 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the other side went away: nothing more to copy
            } finally {
                if (closeTo) {
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public CompletableFuture<Exit> exit(String id, Path bundle, long monitorPid) {
        return exits.watch(id, bundle, monitorPid);
    }

    @Override
    public void close() {
        exits.close();
    }

    /** {@code runc --root=<id's root> <verb> <id> <args>}, failing with runc's own words. */
    private void runc(String verb, String id, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(runc, "--root=" + rootOf(id), verb, id));
        cmd.addAll(List.of(args));
        Result r = exec(cmd);
        if (r.code != 0) {
            throw new IOException("runc " + String.join(" ", cmd.subList(2, cmd.size())) + ": " + r.stderr.trim());
        }
    }

    private record Result(int code, String stdout, String stderr) { }

    private static Result exec(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }
}
