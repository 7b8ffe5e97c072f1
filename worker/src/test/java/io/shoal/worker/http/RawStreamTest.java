package io.shoal.worker.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RawStreamTest extends AllDirectives {
    private static ActorSystem<Void> system;
    private static ServerBinding binding;
    private static final CompletableFuture<String> STDIN = new CompletableFuture<>();
    private static final CompletableFuture<Void> RELEASE = new CompletableFuture<>();

    @BeforeAll
    static void bind() throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "raw-stream-test");
        RawStreamTest routes = new RawStreamTest();
        Route route = routes.path("attach", () -> routes.extractRequest(req -> routes.complete(RawStream.hijack(req,
                Source.from(List.of(RawStream.encode("stdout", "hi\n", false), RawStream.encode("stderr", "oops\n", false)))
                        .concat(Source.completionStage(RELEASE.thenApply(v -> RawStream.encode("stdout", "late\n", false)))),
                Sink.<ByteString, ByteString>fold(ByteString.emptyByteString(), ByteString::concat)
                        .mapMaterializedValue(f -> f.thenAccept(b -> STDIN.complete(b.utf8String()))),
                false))));
        binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(route).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void unbind() {
        binding.unbind();
        system.terminate();
    }

    @Test
    void upgradedConnectionCarriesFramesAfterTheClientHalfClosesAndStdinBeforeIt() throws Exception {
        try (Socket s = new Socket("127.0.0.1", binding.localAddress().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /attach HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            assertTrue(head.toLowerCase().contains("upgrade: tcp"), head);
            out.write("typed".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            assertEquals("typed", STDIN.get(10, TimeUnit.SECONDS), "the client's FIN ends stdin");
            RELEASE.complete(null);
            byte[] rest = in.readAllBytes();
            ByteArrayOutputStream want = new ByteArrayOutputStream();
            want.write(RawStream.frame(RawStream.STDOUT, ByteString.fromString("hi\n")).toArray());
            want.write(RawStream.frame(RawStream.STDERR, ByteString.fromString("oops\n")).toArray());
            want.write(RawStream.frame(RawStream.STDOUT, ByteString.fromString("late\n")).toArray());
            assertEquals(new String(want.toByteArray(), StandardCharsets.ISO_8859_1), new String(rest, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void frameHeaderCarriesStreamAndBigEndianSize() {
        ByteString f = RawStream.frame(RawStream.STDERR, ByteString.fromArray(new byte[300]));
        assertEquals(308, f.size());
        assertEquals(List.of(2, 0, 0, 0, 0, 0, 1, 44), toInts(f.take(8).toArray()));
    }

    private static List<Integer> toInts(byte[] b) {
        List<Integer> out = new java.util.ArrayList<>();
        for (byte x : b) {
            out.add((int) x);
        }
        return out;
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
