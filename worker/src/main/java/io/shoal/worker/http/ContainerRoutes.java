package io.shoal.worker.http;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.State;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /containers/…}: create, list, inspect, start, stop, restart, kill, pause, unpause, remove, and the long
 * requests of {@link ContainerStreams}. Names follow Docker: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}, unique (409),
 * shown with a leading slash; an unknown container is 404 {@code No such container: X}.
 */
final class ContainerRoutes extends AllDirectives {
    private static final Set<String> LIST_FILTERS = Set.of("status", "name", "label", "id", "exited", "ancestor");
    private final EnginePort engine;
    private final ContainerEvents events;
    private final AutoRemover autoRemover;
    private final ContainerStreams streams;
    private final Blocking blocking;
    private final Clock clock;

    ContainerRoutes(EnginePort engine, ContainerEvents events, AutoRemover autoRemover, ContainerStreams streams,
                    Blocking blocking, Clock clock) {
        this.engine = engine;
        this.events = events;
        this.autoRemover = autoRemover;
        this.streams = streams;
        this.blocking = blocking;
        this.clock = clock;
    }

    Route route() {
        return pathPrefix("containers", () -> concat(
                path("json", () -> get(() -> parameterMap(q -> call(() -> list(q))))),
                path("prune", () -> post(() -> parameterMap(q -> call(() -> prune(q))))),
                path("create", () -> post(() -> parameterMap(q -> entity(Unmarshaller.entityToString(),
                        body -> call(() -> create(q.get("name"), body)))))),
                pathPrefix(PathMatchers.segment(), id -> concat(
                        pathEnd(() -> delete(() -> parameterMap(q -> call(() -> remove(id, q))))),
                        path("json", () -> get(() -> call(() -> inspect(id)))),
                        path("start", () -> post(() -> call(() -> start(id)))),
                        path("stop", () -> post(() -> parameterMap(q -> call(() -> stop(id, q))))),
                        path("restart", () -> post(() -> parameterMap(q -> call(() -> restart(id, q))))),
                        path("kill", () -> post(() -> parameterMap(q -> call(() -> kill(id, q))))),
                        path("pause", () -> post(() -> call(() -> done(() -> engine.pause(id))))),
                        path("unpause", () -> post(() -> call(() -> done(() -> engine.unpause(id))))),
                        path("resize", () -> post(() -> call(() -> {
                            engine.inspect(id);
                            return Blocking.empty(200);
                        }))),
                        path("wait", () -> post(() -> parameterMap(q -> completeWithFuture(streams.waitFor(id, q))))),
                        path("logs", () -> get(() -> parameterMap(q -> completeWithFuture(streams.logs(id, q))))),
                        path("attach", () -> post(() -> extractRequest(req -> parameterMap(q ->
                                completeWithFuture(streams.attach(id, req, q))))))))));
    }

    private Route call(Supplier<HttpResponse> action) {
        CompletionStage<HttpResponse> response = blocking.respond(action);
        return completeWithFuture(response);
    }

    private HttpResponse create(String name, String body) {
        CreateBody create = CreateBody.parse(name, NodeJson.read(body, "container config"));
        String wanted = create.request().name();
        if (wanted != null) {
            engine.list(true).stream().filter(c -> c.name().equals(wanted)).findFirst().ifPresent(c -> {
                throw new ApiException(409, "Conflict. The container name \"/" + wanted + "\" is already in use by "
                        + "container \"" + c.id() + "\". You have to remove (or rename) that container to be able "
                        + "to reuse that name.");
            });
        }
        String id = engine.create(create.request());
        if (create.autoRemove()) {
            autoRemover.mark(id);
        }
        return Blocking.json(201, NodeJson.object().put("Id", id).set("Warnings", NodeJson.array()));
    }

    private HttpResponse inspect(String ref) {
        ContainerRecord c = engine.inspect(ref);
        return Blocking.json(200, ContainerViews.inspect(c, autoRemover.enabled(c.id()), engine.health(c.id())));
    }

    private HttpResponse start(String ref) {
        ContainerRecord c = engine.inspect(ref);
        if (c.state() == State.RUNNING || c.state() == State.PAUSED) {
            return Blocking.empty(304);
        }
        try {
            engine.start(c.id());
        } finally {
            events.started(c.id());
        }
        return Blocking.empty(204);
    }

    private HttpResponse stop(String ref, Map<String, String> q) {
        ContainerRecord c = engine.inspect(ref);
        if (!ContainerStreams.running(c)) {
            return Blocking.empty(304);
        }
        engine.stop(c.id(), Query.seconds(q, "t", c.stopTimeout()));
        return Blocking.empty(204);
    }

    private HttpResponse restart(String ref, Map<String, String> q) {
        ContainerRecord c = engine.inspect(ref);
        try {
            engine.restart(c.id(), Query.seconds(q, "t", c.stopTimeout()));
        } finally {
            events.started(c.id());
        }
        return Blocking.empty(204);
    }

    private HttpResponse kill(String ref, Map<String, String> q) {
        engine.kill(ref, q.getOrDefault("signal", "SIGKILL"));
        return Blocking.empty(204);
    }

    private HttpResponse remove(String ref, Map<String, String> q) {
        ContainerRecord c = engine.inspect(ref);
        boolean force = Query.flag(q, "force");
        if (ContainerStreams.running(c) && !force) {
            throw new ApiException(409, "cannot remove container \"/" + c.name() + "\": container is "
                    + c.state().dockerName() + ": stop the container before removing or force remove");
        }
        engine.remove(c.id(), force, Query.flag(q, "v"));
        autoRemover.forget(c.id());
        events.removed(c.id());
        return Blocking.empty(204);
    }

    /** {@code docker container prune}: removes stopped containers (filters {@code label}, {@code until} unix time). */
    private HttpResponse prune(Map<String, String> q) {
        Map<String, List<String>> filters = NodeJson.filters(q.get("filters"), Set.of("label", "until"));
        Instant until = filters.containsKey("until") ? Query.unixTime(filters.get("until").get(0), Instant.MAX) : Instant.MAX;
        ArrayNode deleted = NodeJson.array();
        for (ContainerRecord c : engine.list(true)) {
            if ((c.state() == State.EXITED || c.state() == State.CREATED || c.state() == State.DEAD)
                    && c.created().isBefore(until) && NodeJson.labelsMatch(c.labels(), filters.getOrDefault("label", List.of()))) {
                engine.remove(c.id(), false, false);
                autoRemover.forget(c.id());
                events.removed(c.id());
                deleted.add(c.id());
            }
        }
        ObjectNode out = NodeJson.object();
        out.set("ContainersDeleted", deleted);
        out.put("SpaceReclaimed", 0);
        return Blocking.json(200, out);
    }

    private HttpResponse list(Map<String, String> q) {
        Map<String, List<String>> filters = NodeJson.filters(q.get("filters"), LIST_FILTERS);
        boolean all = Query.flag(q, "all") || filters.containsKey("status") || filters.containsKey("exited");
        int limit = Query.tail(q.get("limit"));
        Instant now = clock.instant();
        ArrayNode out = NodeJson.array();
        List<ContainerRecord> matching = engine.list(all || limit > 0).stream().filter(matches(filters)).toList();
        for (ContainerRecord c : limit > 0 ? matching.subList(0, Math.min(limit, matching.size())) : matching) {
            out.add(ContainerViews.summary(c, engine.health(c.id()), now));
        }
        return Blocking.json(200, out);
    }

    /** Docker's container filters: status, name (substring), label, id (prefix), exited (code), ancestor (image). */
    static Predicate<ContainerRecord> matches(Map<String, List<String>> f) {
        return c -> any(f, "status", s -> s.equals(c.state().dockerName()))
                && any(f, "name", n -> c.name().contains(n.startsWith("/") ? n.substring(1) : n))
                && any(f, "id", i -> c.id().startsWith(i))
                && any(f, "exited", e -> c.state() == State.EXITED && e.equals(Integer.toString(c.exitCode())))
                && any(f, "ancestor", a -> ContainerViews.familiar(c.image()).equals(ContainerViews.familiar(a))
                        || c.imageId().equals(a) || c.imageId().startsWith("sha256:" + a))
                && NodeJson.labelsMatch(c.labels(), f.getOrDefault("label", List.of()));
    }

    private static boolean any(Map<String, List<String>> f, String key, Predicate<String> test) {
        List<String> values = f.get(key);
        return values == null || values.stream().anyMatch(test);
    }

    private static HttpResponse done(Runnable action) {
        action.run();
        return Blocking.empty(204);
    }
}
