package io.shoal.worker.http;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.stream.Materializer;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import io.shoal.api.error.ApiException;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.State;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The three long-lived container requests: {@code attach}, {@code logs} and {@code wait}. */
final class ContainerStreams {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerStreams.class);
    private final EnginePort engine;
    private final ContainerEvents events;
    private final Blocking blocking;
    private final Materializer materializer;

    ContainerStreams(EnginePort engine, ContainerEvents events, Blocking blocking, Materializer materializer) {
        this.engine = engine;
        this.events = events;
        this.blocking = blocking;
        this.materializer = materializer;
    }

    /**
     * {@code POST /containers/{id}/attach?stream=1&stdout=1&stderr=1}: the output of the container's current run,
     * or of its next one when it is not running (the docker CLI attaches before it starts, also for
     * {@code start -a} of an exited container), until that run exits. With {@code logs=1} the output so far comes
     * first. Stdin is read and dropped: the engine attaches none yet.
     */
    CompletionStage<HttpResponse> attach(String ref, HttpRequest request, Map<String, String> query) {
        return blocking.respond(() -> {
            ContainerRecord c = engine.inspect(ref);
            String id = c.id();
            boolean stdout = Query.flag(query, "stdout");
            boolean stderr = Query.flag(query, "stderr");
            boolean replay = Query.flag(query, "logs");
            boolean stream = Query.flag(query, "stream");
            CompletableFuture<Void> session = events.attach(id);
            CompletableFuture<Void> restart = events.nextStart(id);
            Instant since = Instant.now();
            OutputPipe pipe = new OutputPipe(materializer);
            blocking.executor().execute(() -> {
                try {
                    Consumer<LogEntry> sink = e -> {
                        if (wanted(e, stdout, stderr)) {
                            pipe.write(RawStream.encode(e.stream(), e.log(), c.tty()));
                        }
                    };
                    if (!stream) {
                        if (replay) {
                            engine.logs(id, LogQuery.all(), sink);
                        }
                    } else if (engine.inspect(id).state() == State.EXITED) {
                        if (replay) {
                            engine.logs(id, LogQuery.all(), sink);
                        }
                        restart.join();
                        engine.logs(id, LogQuery.all().withSince(since).withFollow(true), sink);
                    } else {
                        engine.attach(id, replay, sink);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("attach to {} ended: {}", id, e.toString());
                } finally {
                    pipe.close();
                    session.complete(null);
                }
            });
            return RawStream.hijack(request, pipe.source(), Sink.ignore(), c.tty());
        });
    }

    /** {@code GET /containers/{id}/logs}: multiplexed (or raw with a TTY), with tail, since/until, timestamps, follow. */
    CompletionStage<HttpResponse> logs(String ref, Map<String, String> query) {
        return blocking.respond(() -> {
            ContainerRecord c = engine.inspect(ref);
            boolean stdout = Query.flag(query, "stdout");
            boolean stderr = Query.flag(query, "stderr");
            if (!stdout && !stderr) {
                throw ApiException.badRequest("Bad parameters: you must choose at least one stream");
            }
            boolean timestamps = Query.flag(query, "timestamps");
            LogQuery logQuery = LogQuery.all().withStreams(stdout, stderr).withTail(Query.tail(query.get("tail")))
                    .withSince(Query.unixTime(query.get("since"), null)).withUntil(Query.unixTime(query.get("until"), null))
                    .withFollow(Query.flag(query, "follow"));
            OutputPipe pipe = new OutputPipe(materializer);
            blocking.executor().execute(() -> {
                try {
                    engine.logs(c.id(), logQuery, e -> pipe.write(RawStream.encode(e.stream(),
                            timestamps ? NodeJson.time(e.time()) + " " + e.log() : e.log(), c.tty())));
                } catch (OutputPipe.ClientGone gone) {
                    LOG.debug("logs client of {} went away", c.id());
                } catch (RuntimeException e) {
                    LOG.warn("logs of {} failed", c.id(), e);
                } finally {
                    pipe.close();
                }
            });
            return HttpResponse.create().withEntity(HttpEntities.createChunked(RawStream.contentType(c.tty()), pipe.source()));
        });
    }

    /**
     * {@code POST /containers/{id}/wait?condition=not-running|next-exit|removed}: the headers go out at once (the
     * docker CLI starts the container only once its wait is registered), the body when the condition is met.
     */
    CompletionStage<HttpResponse> waitFor(String ref, Map<String, String> query) {
        return blocking.respond(() -> {
            String condition = query.getOrDefault("condition", "not-running");
            if (!condition.equals("not-running") && !condition.equals("next-exit") && !condition.equals("removed")) {
                throw ApiException.badRequest("invalid condition: \"" + condition + "\"");
            }
            String id = engine.inspect(ref).id();
            CompletableFuture<Void> removal = condition.equals("removed") ? events.removal(id) : null;
            ContainerRecord c = engine.inspect(id);
            AtomicReference<Integer> lastCode = new AtomicReference<>(c.exitCode());
            CompletableFuture<Integer> exit = switch (condition) {
                case "not-running" -> engine.waitFor(id);
                case "next-exit" -> engine.waitForNextExit(id);
                default -> c.state() == State.EXITED ? CompletableFuture.completedFuture(c.exitCode()) : engine.waitForNextExit(id);
            };
            CompletableFuture<Integer> done = exit.thenApply(code -> {
                lastCode.set(code);
                return code;
            });
            if (removal != null) {
                done = CompletableFuture.anyOf(done.exceptionally(e -> lastCode.get()).thenCompose(code -> removal), removal)
                        .thenApply(v -> lastCode.get());
            }
            Source<ByteString, ?> body = Source.completionStage(done.handle((code, e) -> ByteString.fromString(
                    (e == null ? NodeJson.object().put("StatusCode", code).putNull("Error")
                            : NodeJson.object().put("StatusCode", -1).set("Error", NodeJson.object()
                                    .put("Message", String.valueOf(e.getMessage())))) + "\n")));
            return HttpResponse.create().withEntity(HttpEntities.createChunked(ContentTypes.APPLICATION_JSON, body));
        });
    }

    private static boolean wanted(LogEntry e, boolean stdout, boolean stderr) {
        return "stderr".equals(e.stream()) ? stderr : stdout;
    }

    static boolean running(ContainerRecord c) {
        return c.state() == State.RUNNING || c.state() == State.PAUSED;
    }
}
