package io.shoal.worker.http;

import akka.NotUsed;
import akka.japi.Pair;
import akka.stream.Materializer;
import akka.stream.javadsl.Source;
import akka.stream.javadsl.StreamConverters;
import akka.util.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A stream of bytes written by a blocking thread and read by Akka HTTP as a response body or an upgraded
 * connection. A write blocks while the client is slow and fails once it has gone, which ends the writer.
 */
final class OutputPipe implements AutoCloseable {
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(5);
    private final OutputStream out;
    private final Source<ByteString, NotUsed> source;

    OutputPipe(Materializer materializer) {
        Pair<OutputStream, Source<ByteString, NotUsed>> pair =
                StreamConverters.asOutputStream(WRITE_TIMEOUT).preMaterialize(materializer);
        out = pair.first();
        source = pair.second();
    }

    Source<ByteString, NotUsed> source() {
        return source;
    }

    /** The client has gone: whoever feeds the pipe stops. */
    static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super("client went away", cause);
        }
    }

    synchronized void write(ByteString bytes) {
        try {
            out.write(bytes.toArray());
            out.flush();
        } catch (IOException | RuntimeException e) {
            throw new ClientGone(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the client has gone already
        }
    }
}
