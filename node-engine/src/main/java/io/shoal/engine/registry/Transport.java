package io.shoal.engine.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * The one place requests leave the engine: adds the User-Agent and turns transport failures (refused, unknown
 * host, timeout, TLS) into {@link RegistryException.Kind#UNREACHABLE} naming the URL.
 */
final class Transport {

    private final HttpClient http;
    private final String userAgent;

    Transport(HttpClient http, String userAgent) {
        this.http = http;
        this.userAgent = userAgent;
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest req = request.setHeader("User-Agent", userAgent).build();
        try {
            return http.send(req, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted: " + req.method() + " " + req.uri());
        } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException | SSLException e) {
            throw unreachable(req, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw unreachable(req, e);
            }
            throw e;
        } catch (UnresolvedAddressException e) {
            throw unreachable(req, e);
        }
    }

    private static RegistryException unreachable(HttpRequest req, Exception e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (e instanceof ConnectException && (why == null || why.isBlank() || why.equals("ConnectException"))) {
            why = "connection refused";
        }
        return new RegistryException(RegistryException.Kind.UNREACHABLE, "registry unreachable: "
                + req.method() + " " + req.uri() + ": " + why, e);
    }
}
