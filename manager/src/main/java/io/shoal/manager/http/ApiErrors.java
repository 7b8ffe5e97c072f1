package io.shoal.manager.http;

import io.shoal.api.error.ApiException;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.pattern.AskTimeoutException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shoal.manager.state.Result;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP: Docker's error body {@code {"message": "..."}} with the status
 * code dockerd uses for the same condition.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public static int status(Result.Reason reason) {
        switch (reason) {
            case INVALID: return 400;
            case NOT_FOUND: return 404;
            case CONFLICT: return 409;
            case FORBIDDEN: return 403;
            case NOT_A_SWARM:
            case ALREADY_A_SWARM:
                return 503;
            default: return 500;
        }
    }

    public static HttpResponse response(int status, String message) {
        String body = JsonNodeFactory.instance.objectNode().put("message", message).toString() + "\n";
        return HttpResponse.create().withStatus(StatusCodes.get(status)).withEntity(ContentTypes.APPLICATION_JSON, body);
    }

    public static HttpResponse response(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof ApiException a) {
            return response(a.status(), a.getMessage());
        }
        if (cause instanceof AskTimeoutException || cause instanceof TimeoutException) {
            return response(503, "the cluster state did not answer in time; the manager may be starting or overloaded, try again");
        }
        LOG.error("request failed", cause);
        return response(500, "internal error: " + cause);
    }
}
