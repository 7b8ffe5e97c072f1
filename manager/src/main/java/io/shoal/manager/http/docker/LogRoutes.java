package io.shoal.manager.http.docker;

import akka.NotUsed;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.manager.http.ApiErrors;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.logs.LogFormat;
import io.shoal.manager.logs.LogMessage;
import io.shoal.manager.logs.MergedLogs;
import io.shoal.manager.logs.TaskLogs;
import io.shoal.manager.state.StateSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /services/{id}/logs} and {@code GET /tasks/{id}/logs}: the output of every task of the service (or of
 * the one task), pulled from the nodes that run them and written as dockerd writes it ({@link LogFormat}). The
 * service or task is resolved and the query checked before the 200 goes out, so an unknown one is a 404; after
 * that the body streams until every task's lines are sent. A service's follow lasts until the client goes away
 * (which stops the nodes' reads), taking in tasks that get a container later; a task's follow ends when its
 * container exits.
 */
final class LogRoutes extends AllDirectives {
    static final ContentType MULTIPLEXED = ContentTypes.create(
            MediaTypes.customBinary("application", "vnd.docker.multiplexed-stream", false));
    static final ContentType RAW = ContentTypes.create(MediaTypes.customBinary("application", "vnd.docker.raw-stream", false));
    /** How often a service's follow looks for tasks that got a container since it began. */
    static final Duration POLL = Duration.ofSeconds(1);
    private final ClusterClient cluster;
    private final TaskLogs logs;
    private final Clock clock;

    /** @param logs null when this daemon cannot reach task output: the routes answer 501 */
    LogRoutes(ClusterClient cluster, TaskLogs logs, Clock clock) {
        this.cluster = cluster;
        this.logs = logs;
        this.clock = clock;
    }

    Route route() {
        return concat(
                path(PathMatchers.segment("services").slash(PathMatchers.segment()).slash("logs"),
                        ref -> get(() -> parameterMap(q -> completeWithFuture(service(ref, q))))),
                path(PathMatchers.segment("tasks").slash(PathMatchers.segment()).slash("logs"),
                        ref -> get(() -> parameterMap(q -> completeWithFuture(task(ref, q))))));
    }

    private CompletionStage<HttpResponse> service(String ref, Map<String, String> query) {
        return respond(cluster.read().thenApply(s -> {
            LogParams params = LogParams.parse(query);
            Service v = Lookup.service(s, ref);
            List<Task> tasks = tasksOf(s, v.id());
            if (logs != null && params.selection().follow()) {
                Source<List<Task>, ?> later = Source.tick(POLL, POLL, NotUsed.getInstance())
                        .mapAsync(1, tick -> cluster.read().handle((now, e) -> e == null ? tasksOf(now, v.id()) : List.<Task>of()));
                return respond(params, tty(v.spec().taskTemplate()),
                        MergedLogs.following(tasks, later, params.selection(), clock.instant(), logs));
            }
            return stream(tasks, params, tty(v.spec().taskTemplate()));
        }));
    }

    private CompletionStage<HttpResponse> task(String ref, Map<String, String> query) {
        return respond(cluster.read().thenApply(s -> {
            LogParams params = LogParams.parse(query);
            Task t = Lookup.task(s, ref);
            return stream(List.of(t), params, tty(t.spec()));
        }));
    }

    private HttpResponse stream(List<Task> tasks, LogParams params, boolean tty) {
        if (logs == null) {
            return ApiErrors.response(501, "service logs are not available on this daemon: it has no way to reach the workers");
        }
        return respond(params, tty, MergedLogs.of(tasks, params.selection(), logs));
    }

    private static HttpResponse respond(LogParams params, boolean tty, Source<LogMessage, NotUsed> messages) {
        LogFormat format = params.format(tty);
        return HttpResponse.create().withEntity(HttpEntities.createChunked(tty ? RAW : MULTIPLEXED,
                messages.map(m -> ByteString.fromArray(format.encode(m)))));
    }

    private static List<Task> tasksOf(StateSnapshot s, String serviceId) {
        return s.tasks().stream().filter(t -> serviceId.equals(t.serviceId())).toList();
    }

    private static CompletionStage<HttpResponse> respond(CompletionStage<HttpResponse> r) {
        return r.handle((ok, e) -> e != null ? ApiErrors.response(e) : ok);
    }

    private static boolean tty(TaskSpec spec) {
        return spec != null && spec.containerSpec() != null && Boolean.TRUE.equals(spec.containerSpec().tty());
    }
}
