package io.shoal.manager.http.docker;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import io.shoal.manager.http.ApiErrors;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** JSON responses, and futures of them with every failure turned into Docker's error body. */
final class Responses {
    private Responses() {}

    static HttpResponse json(int status, Object body) {
        return HttpResponse.create().withStatus(StatusCodes.get(status))
                .withEntity(ContentTypes.APPLICATION_JSON, DockerJson.write(body) + "\n");
    }

    static HttpResponse empty(int status) {
        return HttpResponse.create().withStatus(StatusCodes.get(status));
    }

    static HttpResponse error(int status, String message) {
        return ApiErrors.response(status, message);
    }

    static <T> CompletionStage<HttpResponse> of(CompletionStage<T> stage, Function<T, Object> body) {
        return of(stage, 200, body);
    }

    static <T> CompletionStage<HttpResponse> of(CompletionStage<T> stage, int status, Function<T, Object> body) {
        return stage.handle((v, e) -> {
            if (e != null) {
                return ApiErrors.response(e);
            }
            try {
                Object b = body.apply(v);
                return b == null ? empty(status) : json(status, b);
            } catch (RuntimeException ex) {
                return ApiErrors.response(ex);
            }
        });
    }
}
