package io.shoal.worker.http;

import akka.NotUsed;
import akka.http.impl.engine.server.UpgradeToOtherProtocolResponseHeader;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Docker's container streams. Without a TTY, stdout and stderr are multiplexed in frames of an 8-byte header
 * ({@code [stream, 0, 0, 0, size as big-endian uint32]}) and the payload; with a TTY the bytes go raw.
 *
 * <p>{@code attach} and {@code exec start} hijack their connection: the client asks {@code Connection: Upgrade,
 * Upgrade: tcp}, the server answers 101 and from then on the socket carries the raw stream both ways. Akka HTTP's
 * public API only upgrades to WebSocket; the same switch is made here with its internal
 * {@code UpgradeToOtherProtocolResponseHeader} (what its WebSocket support is built on), which (with a modeled {@code Connection: Upgrade} header) hands the
 * connection's bytes to a flow of ours once the 101 has been written. The read side of that flow is stdin; a client
 * that half-closes after sending its stdin (as the docker CLI does at once when it has no stdin) only completes
 * that side, and the connection closes when our output completes.
 */
public final class RawStream {
    public static final ContentType MULTIPLEXED = ContentTypes.create(
            MediaTypes.customBinary("application", "vnd.docker.multiplexed-stream", false));
    public static final ContentType RAW = ContentTypes.create(
            MediaTypes.customBinary("application", "vnd.docker.raw-stream", false));

    public static final byte STDIN = 0;
    public static final byte STDOUT = 1;
    public static final byte STDERR = 2;

    private RawStream() {}

    /** One frame of the multiplexed format. */
    public static ByteString frame(byte stream, ByteString payload) {
        int n = payload.size();
        byte[] header = {stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        return ByteString.fromArray(header).concat(payload);
    }

    /** Output of stream {@code stdout}/{@code stderr} as Docker sends it: framed without a TTY, raw with one. */
    public static ByteString encode(String stream, String text, boolean tty) {
        ByteString bytes = ByteString.fromString(text, StandardCharsets.UTF_8);
        return tty ? bytes : frame("stderr".equals(stream) ? STDERR : STDOUT, bytes);
    }

    public static ContentType contentType(boolean tty) {
        return tty ? RAW : MULTIPLEXED;
    }

    /** Did the client ask to hijack the connection ({@code Upgrade: tcp})? */
    public static boolean wantsUpgrade(HttpRequest request) {
        Optional<HttpHeader> upgrade = request.getHeader("Upgrade");
        return upgrade.isPresent() && upgrade.get().value().toLowerCase(Locale.ROOT).contains("tcp");
    }

    /**
     * The response that hands the connection to {@code output} (and stdin to {@code stdin}): 101 when the client
     * asked to upgrade, otherwise a plain streamed 200 as Docker serves clients that did not ask.
     */
    public static HttpResponse hijack(HttpRequest request, Source<ByteString, ?> output, Sink<ByteString, ?> stdin,
                                      boolean tty) {
        if (!wantsUpgrade(request)) {
            return HttpResponse.create().withStatus(StatusCodes.OK)
                    .withEntity(HttpEntities.createChunked(contentType(tty), output));
        }
        Flow<ByteString, ByteString, NotUsed> connection = Flow.fromSinkAndSource(stdin, output);
        @SuppressWarnings({"unchecked", "rawtypes"})
        akka.stream.scaladsl.Flow<ByteString, ByteString, Object> handler = (akka.stream.scaladsl.Flow) connection.asScala();
        return HttpResponse.create().withStatus(StatusCodes.SWITCHING_PROTOCOLS)
                .addHeader(RawHeader.create("Upgrade", "tcp"))
                .addHeader(akka.http.scaladsl.model.headers.Connection.apply(
                        scala.collection.immutable.List.from(scala.jdk.javaapi.CollectionConverters.asScala(List.of("Upgrade")))))
                .addHeader(new UpgradeToOtherProtocolResponseHeader(handler))
                .withEntity(HttpEntities.create(contentType(tty), new byte[0]));
    }
}
