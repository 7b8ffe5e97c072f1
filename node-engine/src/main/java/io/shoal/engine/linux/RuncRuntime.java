package io.shoal.engine.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.host.ExecSpec;
import io.shoal.engine.host.OciRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * runc under Debian's conmon. conmon double-forks away from the engine, runs {@code runc create}, reports the
 * container's pid on its sync pipe (fd 3, which a {@code sh} that then execs conmon points at a FIFO in the bundle:
 * a JVM child gets only stdio, and the JVM drains and closes a child's stdout pipe as soon as that child exits,
 * which conmon's first process does at once, so its reply must not travel through the child's stdout), then holds the container's stdio, writes its output to a log file and its exit
 * code to {@code exitDir/<id>}, where {@link ExitWatcher} sees it. So containers outlive the engine, an exit is
 * never lost, and each running container costs one conmon process.
 */
public final class RuncRuntime implements OciRuntime {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MONITOR_PID_WAIT = Duration.ofSeconds(10);
    /** fd 3 is the sync FIFO; conmon's own messages go to conmon.err in the bundle (the cwd). */
    private static final String SYNC_WRAPPER = "exec \"$@\" 3>sync.fifo >/dev/null 2>conmon.err </dev/null";
    private static final ExecutorService FIFO_OPENERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "conmon-sync-open");
        t.setDaemon(true);
        return t;
    });

    private final String runc;
    private final String conmon;
    private final Path runcRoot;
    private final ExitWatcher exits;

    public RuncRuntime(String runc, String conmon, Path runcRoot, Path exitDir) throws IOException {
        this.runc = runc;
        this.conmon = conmon;
        this.runcRoot = runcRoot;
        Files.createDirectories(runcRoot);
        this.exits = new ExitWatcher(exitDir);
    }

    @Override
    public Created create(String id, Path bundle, Path logFile, long logSizeMax, boolean tty) throws IOException {
        Files.createDirectories(bundle.resolve("persist"));
        Files.deleteIfExists(bundle.resolve("oom"));
        Files.deleteIfExists(bundle.resolve("persist/oom"));
        Path monitorPid = bundle.resolve("conmon.pid");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", SYNC_WRAPPER, "sh",
                conmon, "--api-version", "1", "-c", id, "-u", id, "-r", runc, "-b", bundle.toString(),
                "-p", bundle.resolve("pidfile").toString(), "-n", id, "--exit-dir", exits.fileOf(id).getParent()
                        .toString(),
                "--persist-dir", bundle.resolve("persist").toString(), "-l", "k8s-file:" + logFile,
                "--log-level", "error", "-P", monitorPid.toString(), "--socket-dir-path", bundle.toString(),
                "--runtime-arg", "--root=" + runcRoot));
        if (logSizeMax > 0) {
            cmd.addAll(List.of("--log-size-max", Long.toString(logSizeMax)));
        }
        if (tty) {
            cmd.add("--terminal");
        }
        // conmon writes its oom file to its cwd: the bundle
        Path fifo = bundle.resolve("sync.fifo");
        Files.deleteIfExists(fifo);
        new LinuxFiles().mknod(fifo, 'p', 0600, 0, 0);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(bundle.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("_OCI_SYNCPIPE", "3");
        String reply;
        try {
            Process p = pb.start();
            try (InputStream in = openSyncFifo(fifo, p)) {
                reply = readJsonObject(in);
            }
        } finally {
            Files.deleteIfExists(fifo);
        }
        JsonNode node = reply.isEmpty() ? null : JSON.readTree(reply);
        if (node == null || node.path("data").asLong(-1) <= 0) {
            String message = node == null ? "conmon gave no pid" : node.path("message").asText("create failed");
            Path err = bundle.resolve("conmon.err");
            if (Files.exists(err) && Files.size(err) > 0) {
                message += " (" + Files.readString(err).trim() + ")";
            }
            throw new IOException("create " + id + ": " + message.trim());
        }
        long pid = node.path("data").asLong();
        return new Created(pid, monitorPid(id, monitorPid));
    }

    /**
     * conmon's own pid, from the file it writes after its double fork. Its sync reply may come first (its
     * child races the runc create it waits for), so the file is awaited, briefly, before it is read.
     */
    private static long monitorPid(String id, Path file) throws IOException {
        long deadline = System.nanoTime() + MONITOR_PID_WAIT.toNanos();
        long pauseMillis = 1;
        while (true) {
            try {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            } catch (NoSuchFileException | NumberFormatException notYet) {
                // conmon has not written (all of) it yet
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("create " + id + ": conmon did not write its pid to " + file + " within "
                        + MONITOR_PID_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("create " + id + ": interrupted waiting for conmon's pid", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    /**
     * Opens the FIFO's read end, which blocks until the wrapper opens its write end; if the wrapper ended without
     * opening it (it could not start), the engine opens a write end itself so the open returns and reads EOF.
     */
    private static InputStream openSyncFifo(Path fifo, Process wrapper) throws IOException {
        CompletableFuture<InputStream> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newInputStream(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, FIFO_OPENERS);
        try {
            while (true) {
                try {
                    return opening.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillBlocked) {
                    if (!wrapper.isAlive() && !opening.isDone()) {
                        Files.newOutputStream(fifo).close();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for conmon's sync pipe", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot open conmon's sync pipe " + fifo + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Reads one {"data": …} object from the sync pipe: conmon keeps the pipe open, so EOF cannot be awaited. */
    private static String readJsonObject(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int depth = 0;
        int c;
        while ((c = in.read()) >= 0) {
            out.write(c);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Override
    public void start(String id) throws IOException {
        run("start", id);
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
