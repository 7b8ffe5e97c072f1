package io.shoal.worker.http;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shoal.api.error.ApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's blocking calls on their own threads, never on Akka's, and turns every failure into Docker's
 * error body {@code {"message": …}} with its status.
 */
final class Blocking {
    private static final Logger LOG = LoggerFactory.getLogger(Blocking.class);
    private final Executor executor;

    Blocking(Executor executor) {
        this.executor = executor;
    }

    Executor executor() {
        return executor;
    }

    CompletionStage<HttpResponse> respond(Supplier<HttpResponse> call) {
        return CompletableFuture.supplyAsync(call, executor).exceptionally(Blocking::error);
    }

    static HttpResponse error(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof ApiException a) {
            return error(a.status(), a.getMessage());
        }
        if (cause instanceof RuntimeException r) {
            ApiException a = EngineAdapter.classify(r);
            if (a.status() == 500) {
                LOG.error("node API request failed", r);
            }
            return error(a.status(), a.getMessage());
        }
        LOG.error("node API request failed", cause);
        return error(500, "internal error: " + cause);
    }

    static HttpResponse error(int status, String message) {
        String body = JsonNodeFactory.instance.objectNode().put("message", message) + "\n";
        return HttpResponse.create().withStatus(StatusCodes.get(status)).withEntity(ContentTypes.APPLICATION_JSON, body);
    }

    static HttpResponse json(int status, Object body) {
        return HttpResponse.create().withStatus(StatusCodes.get(status))
                .withEntity(ContentTypes.APPLICATION_JSON, NodeJson.write(body) + "\n");
    }

    static HttpResponse empty(int status) {
        return HttpResponse.create().withStatus(StatusCodes.get(status));
    }
}
