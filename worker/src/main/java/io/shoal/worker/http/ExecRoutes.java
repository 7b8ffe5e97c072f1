package io.shoal.worker.http;

import akka.NotUsed;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.japi.Pair;
import akka.stream.Materializer;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.StreamConverters;
import akka.util.ByteString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.exec.ExecIo;
import io.shoal.engine.exec.ExecRecord;
import io.shoal.engine.exec.ExecRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start} (hijacked like attach: output framed as it
 * comes, stdin from the client when the exec attached it; or detached), {@code GET /exec/{id}/json} and
 * {@code POST /exec/{id}/resize}. The exec records are the engine's.
 */
final class ExecRoutes extends AllDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(ExecRoutes.class);
    private final EnginePort engine;
    private final Blocking blocking;

    ExecRoutes(EnginePort engine, Blocking blocking) {
        this.engine = engine;
        this.blocking = blocking;
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
                            engine.execInspect(id);
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
        ExecRequest request = new ExecRequest(cmd, CreateBody.strings(json.get("Env")), json.path("User").asText(""),
                json.path("WorkingDir").asText(""), json.path("Tty").asBoolean(false), json.path("AttachStdin").asBoolean(false));
        return Blocking.json(201, NodeJson.object().put("Id", engine.execCreate(c.id(), request)));
    }

    private HttpResponse start(String id, HttpRequest request, String body, Materializer materializer) {
        ExecRecord exec = engine.execInspect(id);
        if (exec.running() || exec.exitCode() != null) {
            throw new ApiException(409, "exec " + id + " has already been started");
        }
        JsonNode json = NodeJson.read(body, "exec start config");
        boolean tty = exec.request().tty();
        if (json.path("Detach").asBoolean(false)) {
            blocking.executor().execute(() -> run(id, new ExecIo(null, OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream()), null));
            return Blocking.empty(200);
        }
        OutputPipe pipe = new OutputPipe(materializer);
        Sink<ByteString, ?> stdinSink = Sink.ignore();
        InputStream stdin = null;
        if (exec.request().attachStdin() && RawStream.wantsUpgrade(request)) {
            Pair<InputStream, Sink<ByteString, NotUsed>> in = StreamConverters.asInputStream().preMaterialize(materializer);
            stdin = in.first();
            stdinSink = in.second();
        }
        ExecIo io = new ExecIo(stdin, new FramedOutput(pipe, RawStream.STDOUT, tty), new FramedOutput(pipe, RawStream.STDERR, tty));
        blocking.executor().execute(() -> run(id, io, pipe));
        return RawStream.hijack(request, pipe.source(), stdinSink, tty);
    }

    private void run(String id, ExecIo io, OutputPipe pipe) {
        try {
            engine.execStart(id, io);
        } catch (OutputPipe.ClientGone gone) {
            LOG.debug("exec client of {} went away", id);
        } catch (RuntimeException e) {
            if (pipe != null) {
                pipe.write(RawStream.encode("stderr", "exec failed: " + e.getMessage() + "\n", false));
            }
            LOG.warn("exec {} failed: {}", id, e.getMessage());
        } finally {
            if (pipe != null) {
                pipe.close();
            }
        }
    }

    private HttpResponse inspect(String id) {
        ExecRecord exec = engine.execInspect(id);
        ExecRequest r = exec.request();
        ObjectNode o = NodeJson.object();
        o.put("ID", exec.id());
        o.put("Running", exec.running());
        if (exec.exitCode() == null) {
            o.putNull("ExitCode");
        } else {
            o.put("ExitCode", exec.exitCode());
        }
        ObjectNode process = o.putObject("ProcessConfig");
        process.put("tty", r.tty());
        process.put("entrypoint", r.argv().get(0));
        process.set("arguments", NodeJson.strings(r.argv().subList(1, r.argv().size())));
        process.put("privileged", false);
        process.put("user", r.user());
        o.put("OpenStdin", r.attachStdin());
        o.put("OpenStderr", true);
        o.put("OpenStdout", true);
        o.put("CanRemove", false);
        o.put("ContainerID", exec.containerId());
        o.put("DetachKeys", "");
        o.put("Pid", 0);
        return Blocking.json(200, o);
    }

    /** One of the exec's output streams, written to the connection as Docker frames (raw with a TTY). */
    private static final class FramedOutput extends OutputStream {
        private final OutputPipe pipe;
        private final byte stream;
        private final boolean tty;

        FramedOutput(OutputPipe pipe, byte stream, boolean tty) {
            this.pipe = pipe;
            this.stream = stream;
            this.tty = tty;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            ByteString bytes = ByteString.fromArray(b, off, len);
            pipe.write(tty ? bytes : RawStream.frame(stream, bytes));
        }
    }
}
