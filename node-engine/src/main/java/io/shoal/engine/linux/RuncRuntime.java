package io.shoal.engine.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.host.ExecSpec;
import io.shoal.engine.host.OciRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * runc under Debian's conmon. The engine spawns conmon itself ({@link MonitorSpawn}: posix_spawn with the sync
 * pipe on fd 3); conmon double-forks away from the engine, runs the runtime, reports the container's pid on the
 * sync pipe, then holds the container's stdio, writes its output to a log file and its exit code to
 * {@code exitDir/<id>}, where {@link ExitWatcher} sees it. So containers outlive the engine, an exit is never
 * lost, and each running container costs one conmon process.
 *
 * <p>conmon only knows {@code <runtime> create}, after which the engine had to run {@code runc start}: one more
 * runc process (~4 ms) and ~1 ms more inside runc than {@code runc run --detach} takes for both. So conmon's
 * runtime is a two-line {@code sh} script that turns its {@code create} into {@code run --detach} with the same
 * options (bundle, pid file, console socket); the container's stdio, pid reporting, logs, exit file, kill and
 * delete stay exactly as they were.
 */
public final class RuncRuntime implements OciRuntime {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_WAIT = Duration.ofMinutes(2);

    private final String runc;
    private final String conmon;
    private final Path runcRoot;
    private final ExitWatcher exits;
    /** conmon's runtime: {@code sh -c <script> shoal-runc create …} runs {@code runc --root=… run --detach …}. */
    private final List<String> runtimeArgs;

    public RuncRuntime(String runc, String conmon, Path runcRoot, Path exitDir) throws IOException {
        this.runc = runc;
        this.conmon = conmon;
        this.runcRoot = runcRoot;
        Files.createDirectories(runcRoot);
        this.exits = new ExitWatcher(exitDir);
        String global = shellQuote(runc) + " " + shellQuote("--root=" + runcRoot);
        String script = "if [ \"$1\" = create ]; then shift; exec " + global + " run --detach \"$@\"; fi; exec "
                + global + " \"$@\"";
        this.runtimeArgs = List.of("-r", "/bin/sh", "--runtime-arg", "-c", "--runtime-arg", script,
                "--runtime-arg", "shoal-runc");
    }

    @Override
    public Created run(String id, Path bundle, Path logFile, long logSizeMax, boolean tty) throws IOException {
        Files.createDirectories(bundle.resolve("persist"));
        Files.deleteIfExists(bundle.resolve("oom"));
        Files.deleteIfExists(bundle.resolve("persist/oom"));
        Path monitorPid = bundle.resolve("conmon.pid");
        Files.deleteIfExists(monitorPid);
        List<String> cmd = new ArrayList<>(List.of(conmon, "--api-version", "1", "-c", id, "-u", id));
        cmd.addAll(runtimeArgs);
        cmd.addAll(List.of("-b", bundle.toString(), "-p", bundle.resolve("pidfile").toString(), "-n", id,
                "--exit-dir", exits.fileOf(id).getParent().toString(),
                "--persist-dir", bundle.resolve("persist").toString(), "-l", "k8s-file:" + logFile,
                "--log-level", "error", "-P", monitorPid.toString(), "--socket-dir-path", bundle.toString()));
        if (logSizeMax > 0) {
            cmd.addAll(List.of("--log-size-max", Long.toString(logSizeMax)));
        }
        if (tty) {
            cmd.add("--terminal");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("_OCI_SYNCPIPE", "3");
        Path err = bundle.resolve("conmon.err");
        String reply;
        int status;
        // conmon writes its oom file to its cwd: the bundle
        try (MonitorSpawn spawned = MonitorSpawn.start(cmd, env, bundle, err)) {
            reply = spawned.readReply(REPLY_WAIT);
            status = spawned.awaitExit(); // conmon's first process: it wrote the monitor's pid file, then exited
        }
        JsonNode node = reply.isEmpty() ? null : JSON.readTree(reply);
        if (status != 0 || node == null || node.path("data").asLong(-1) <= 0) {
            String message = node == null ? "conmon gave no pid" : node.path("message").asText("create failed");
            if (status != 0) {
                message += " (conmon exited with " + status + ")";
            }
            if (Files.exists(err) && Files.size(err) > 0) {
                message += " (" + Files.readString(err).trim() + ")";
            }
            throw new IOException("run " + id + ": " + message.trim());
        }
        long pid = node.path("data").asLong();
        String text = Files.readString(monitorPid).trim();
        try {
            return new Created(pid, Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IOException("run " + id + ": conmon's pid file " + monitorPid + " holds '" + text + "'", e);
        }
    }

    @Override
    public void kill(String id, String signal) throws IOException {
        run("kill", id, signal);
    }

    @Override
    public void pause(String id) throws IOException {
        run("pause", id);
    }

    @Override
    public void resume(String id) throws IOException {
        run("resume", id);
    }

    @Override
    public void delete(String id) throws IOException {
        exits.forget(id);
        if (deleteStopped(id)) {
            return;
        }
        List<String> cmd = List.of(runc, "--root=" + runcRoot, "delete", "--force", id);
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
        Path stateDir = runcRoot.resolve(id);
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
        try (var walk = Files.walk(stateDir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }

    @Override
    public Optional<String> status(String id) throws IOException {
        Result r = exec(List.of(runc, "--root=" + runcRoot.toString(), "state", id));
        if (r.code != 0) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(r.stdout).path("status").asText());
    }

    @Override
    public int exec(String id, ExecSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(runc, "--root=" + runcRoot, "exec"));
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

    private void run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(runc, "--root=" + runcRoot));
        cmd.addAll(List.of(args));
        Result r = exec(cmd);
        if (r.code != 0) {
            throw new IOException("runc " + String.join(" ", args) + ": " + r.stderr.trim());
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
