package io.shoal.worker.http;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.stream.Materializer;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.exec.ExecResult;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start} (hijacked like attach, or detached),
 * {@code GET /exec/{id}/json} and {@code POST /exec/{id}/resize}. The engine runs an exec to completion and returns
 * its output, so the output is sent when the command has ended; stdin and TTYs wait for the engine to offer them.
 */
final class ExecRoutes extends AllDirectives {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final EnginePort engine;
    private final Blocking blocking;
    private final Map<String, Exec> execs = new ConcurrentHashMap<>();

    /** One exec instance, as Docker keeps it until its container is removed. */
    static final class Exec {
        final String id;
        final String containerId;
        final List<String> argv;
        final List<String> env;
        final boolean tty;
        final boolean stdout;
        final boolean stderr;
        final String user;
        volatile boolean running;
        volatile Integer exitCode;

        Exec(String id, String containerId, JsonNode body) {
            this.id = id;
            this.containerId = containerId;
            this.argv = CreateBody.strings(body.get("Cmd"));
            this.env = CreateBody.strings(body.get("Env"));
            this.tty = body.path("Tty").asBoolean(false);
            this.stdout = body.path("AttachStdout").asBoolean(false);
            this.stderr = body.path("AttachStderr").asBoolean(false);
            this.user = body.path("User").asText("");
        }
    }

    ExecRoutes(EnginePort engine, ContainerEvents events, Blocking blocking) {
        this.engine = engine;
        this.blocking = blocking;
        events.onRemoved(container -> execs.values().removeIf(e -> e.containerId.equals(container)));
    }

    Route route(Materializer materializer) {
        return concat(
                path(PathMatchers.segment("containers").slash(PathMatchers.segment()).slash("exec"), id ->
                        post(() -> entity(Unmarshaller.entityToString(), body ->
                                completeWithFuture(blocking.respond(() -> create(id, body)))))),
                pathPrefix("exec", () -> pathPrefix(PathMatchers.segment(), id -> concat(
                        path("start", () -> post(() -> extractRequest(req -> entity(Unmarshaller.entityToString(),
                                body -> completeWithFuture(blocking.respond(() -> start(id, req, body, materializer))))))),
                        path("json", () -> get(() -> completeWithFuture(blocking.respond(() -> inspect(id))))),
                        path("resize", () -> post(() -> completeWithFuture(blocking.respond(() -> {
                            find(id);
                            return Blocking.empty(200);
                        }))))))));
    }

    private HttpResponse create(String ref, String body) {
        JsonNode json = NodeJson.read(body, "exec config");
        ContainerRecord c = engine.inspect(ref);
        if (!ContainerStreams.running(c)) {
            throw new ApiException(409, "Container " + c.id() + " is not running");
        }
        List<String> cmd = CreateBody.strings(json.get("Cmd"));
        if (cmd == null || cmd.isEmpty()) {
            throw ApiException.badRequest("No exec command specified");
        }
        if (!json.path("User").asText("").isEmpty()) {
            throw new ApiException(501, "exec as another user is not supported yet by this node's engine");
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        execs.put(id, new Exec(id, c.id(), json));
        return Blocking.json(201, NodeJson.object().put("Id", id));
    }

    private HttpResponse start(String id, HttpRequest request, String body, Materializer materializer) {
        Exec exec = find(id);
        JsonNode json = NodeJson.read(body, "exec start config");
        synchronized (exec) {
            if (exec.running || exec.exitCode != null) {
                throw new ApiException(409, "exec " + id + " has already run");
            }
            exec.running = true;
        }
        CompletableFuture<ExecResult> result = CompletableFuture.supplyAsync(
                () -> engine.exec(exec.containerId, exec.argv, exec.env == null ? List.of() : exec.env), blocking.executor());
        result.whenComplete((r, e) -> {
            exec.exitCode = e == null ? r.exitCode() : 126;
            exec.running = false;
        });
        if (json.path("Detach").asBoolean(false)) {
            return Blocking.empty(200);
        }
        Source<ByteString, ?> output = Source.completionStage(result.handle((r, e) -> {
            if (e != null) {
                return RawStream.encode("stderr", "exec failed: " + rootMessage(e) + "\n", exec.tty);
            }
            ByteString out = exec.stdout ? RawStream.encode("stdout", r.stdout(), exec.tty) : ByteString.emptyByteString();
            ByteString err = exec.stderr ? RawStream.encode("stderr", r.stderr(), exec.tty) : ByteString.emptyByteString();
            return skipEmpty(out, r.stdout()).concat(skipEmpty(err, r.stderr()));
        }));
        return RawStream.hijack(request, output, Sink.ignore(), exec.tty);
    }

    private HttpResponse inspect(String id) {
        Exec exec = find(id);
        ObjectNode o = NodeJson.object();
        o.put("ID", exec.id);
        o.put("Running", exec.running);
        if (exec.exitCode == null) {
            o.putNull("ExitCode");
        } else {
            o.put("ExitCode", exec.exitCode);
        }
        ObjectNode process = o.putObject("ProcessConfig");
        process.put("tty", exec.tty);
        process.put("entrypoint", exec.argv.get(0));
        process.set("arguments", NodeJson.strings(exec.argv.subList(1, exec.argv.size())));
        process.put("privileged", false);
        process.put("user", exec.user);
        o.put("OpenStdin", false);
        o.put("OpenStderr", exec.stderr);
        o.put("OpenStdout", exec.stdout);
        o.put("CanRemove", false);
        o.put("ContainerID", exec.containerId);
        o.put("DetachKeys", "");
        o.put("Pid", 0);
        return Blocking.json(200, o);
    }

    private Exec find(String id) {
        Exec exec = execs.get(id);
        if (exec == null) {
            throw ApiException.notFound("No such exec instance: " + id);
        }
        return exec;
    }

    private static ByteString skipEmpty(ByteString framed, String text) {
        return text == null || text.isEmpty() ? ByteString.emptyByteString() : framed;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
