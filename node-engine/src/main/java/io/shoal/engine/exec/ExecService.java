package io.shoal.engine.exec;

import io.shoal.engine.EngineException;
import io.shoal.engine.bundle.Users;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerService;
import io.shoal.engine.container.State;
import io.shoal.engine.host.ExecSpec;
import io.shoal.engine.host.OciRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Docker's exec: records created against a running container, started once with the caller's streams (blocking
 * until the process exits), inspected by id; dropped with their container. The user is resolved against the
 * container's own {@code /etc/passwd} and {@code /etc/group}, as runc would.
 */
public final class ExecService {

    private final ContainerService containers;
    private final OciRuntime runtime;
    private final Supplier<String> ids;
    private final Map<String, ExecRecord> execs = new ConcurrentHashMap<>();

    public ExecService(ContainerService containers, OciRuntime runtime, Supplier<String> ids) {
        this.containers = containers;
        this.runtime = runtime;
        this.ids = ids;
    }

    public String create(String containerRef, ExecRequest request) {
        ContainerRecord c = running(containerRef);
        if (request.argv().isEmpty()) {
            throw EngineException.invalid("No exec command specified");
        }
        String id = ids.get();
        execs.put(id, new ExecRecord(id, c.id(), request, false, null));
        return id;
    }

    /** Runs the exec, copying its streams; blocks until it exits and returns its exit code. Once per exec. */
    public int start(String execId, ExecIo io) {
        ExecRecord rec = inspect(execId);
        ExecRecord started = rec.started();
        if (rec.running() || rec.exitCode() != null || !execs.replace(execId, rec, started)) {
            throw EngineException.conflict("exec " + execId + " has already been started");
        }
        int code = -1;
        try {
            ContainerRecord c = running(rec.containerId());
            ExecRequest r = rec.request();
            String user = r.user().isEmpty() ? "" : resolveUser(c.id(), r.user());
            OutputStream out = io.stdout();
            code = io(() -> runtime.exec(c.id(), new ExecSpec(r.argv(), r.env(), user, r.workingDir(), r.tty(), null),
                    r.attachStdin() ? io.stdin() : null, out, r.tty() ? out : io.stderr()));
            return code;
        } finally {
            final int exit = code;
            execs.computeIfPresent(execId, (k, v) -> v.finished(exit));
        }
    }

    public ExecRecord inspect(String execId) {
        ExecRecord rec = execs.get(execId);
        if (rec == null) {
            throw EngineException.notFound("No such exec instance: " + execId);
        }
        return rec;
    }

    /** Runs a command to completion and collects its output, terminating it after {@code timeout} (null: none). */
    public ExecResult run(String containerRef, List<String> argv, List<String> env, Duration timeout) {
        ContainerRecord c = running(containerRef);
        if (argv.isEmpty()) {
            throw EngineException.invalid("No exec command specified");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = io(() -> runtime.exec(c.id(), new ExecSpec(argv, env, "", "", false, timeout), null, out, err));
        return new ExecResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Forgets the execs of a removed container. */
    public void forgetContainer(String containerId) {
        execs.values().removeIf(e -> e.containerId().equals(containerId));
    }

    private ContainerRecord running(String ref) {
        ContainerRecord c = containers.get(ref);
        if (c.state() == State.PAUSED) {
            throw EngineException.conflict("Container " + c.id() + " is paused, unpause the container before exec");
        }
        if (c.state() != State.RUNNING) {
            throw EngineException.conflict("Container " + c.id() + " is not running");
        }
        return c;
    }

    private String resolveUser(String containerId, String user) {
        Path rootfs = containers.rootfs(containerId);
        Users.Lookup lookup = Users.resolve(user, read(rootfs.resolve("etc/passwd")), read(rootfs.resolve("etc/group")));
        if (lookup instanceof Users.Lookup.NotFound nf) {
            throw EngineException.invalid(nf.reason());
        }
        Users.Resolved u = ((Users.Lookup.Found) lookup).user();
        return u.uid() + ":" + u.gid();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.INTERNAL, e.getMessage(), e);
        }
    }
}
