package io.shoal.manager.http.docker;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.util.ByteString;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.manager.http.ApiErrors;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.logs.LogFormat;
import io.shoal.manager.logs.MergedLogs;
import io.shoal.manager.logs.TaskLogs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /services/{id}/logs} and {@code GET /tasks/{id}/logs}: the output of every task of the service (or of
 * the one task), pulled from the nodes that run them and written as dockerd writes it ({@link LogFormat}). The
 * service or task is resolved and the query checked before the 200 goes out, so an unknown one is a 404; after
 * that the body streams until every task's lines are sent (with follow, until their containers exit or the client
 * goes away, which stops the nodes' reads).
 */
final class LogRoutes extends AllDirectives {
    static final ContentType MULTIPLEXED = ContentTypes.create(
            MediaTypes.customBinary("application", "vnd.docker.multiplexed-stream", false));
    static final ContentType RAW = ContentTypes.create(MediaTypes.customBinary("application", "vnd.docker.raw-stream", false));
    private final ClusterClient cluster;
    private final TaskLogs logs;

    /** @param logs null when this daemon cannot reach task output: the routes answer 501 */
    LogRoutes(ClusterClient cluster, TaskLogs logs) {
        this.cluster = cluster;
        this.logs = logs;
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
            List<Task> tasks = s.tasks().stream().filter(t -> v.id().equals(t.serviceId())).toList();
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
        LogFormat format = params.format(tty);
        return HttpResponse.create().withEntity(HttpEntities.createChunked(tty ? RAW : MULTIPLEXED,
                MergedLogs.of(tasks, params.selection(), logs).map(m -> ByteString.fromArray(format.encode(m)))));
    }

    private static CompletionStage<HttpResponse> respond(CompletionStage<HttpResponse> r) {
        return r.handle((ok, e) -> e != null ? ApiErrors.response(e) : ok);
    }

    private static boolean tty(TaskSpec spec) {
        return spec != null && spec.containerSpec() != null && Boolean.TRUE.equals(spec.containerSpec().tty());
    }
}
