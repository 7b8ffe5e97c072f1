package io.shoal.net.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/**
 * The embedded DNS server (Docker's 127.0.0.11): UDP and TCP on one address and port. Each
 * query is answered from the asking container's view ({@link Views}, by source address) or
 * forwarded to the upstream resolvers in order (UDP queries over UDP, TCP over TCP), SERVFAIL
 * when none answers. A few daemon threads; {@link #close()} stops them.
 */
public final class EmbeddedDnsServer implements AutoCloseable {

    /** Which names a client may resolve; empty for unknown clients (they get forwarding only). */
    public interface Views {
        Optional<NameDirectory.View> forClient(InetAddress client);
    }

    /**
     * @param bind address and port to listen on (port 0: an ephemeral port shared by UDP and TCP)
     * @param upstreams resolvers for other names, e.g. {@link ResolvConf#nameservers}
     * @param ttlSeconds TTL of local answers (Docker uses 600)
     */
    public record Settings(InetSocketAddress bind, List<InetSocketAddress> upstreams, Duration upstreamTimeout, long ttlSeconds) {
        public Settings {
            upstreams = List.copyOf(upstreams);
        }
    }

    private static final int TCP_IDLE_MILLIS = 10_000;

    private final Settings settings;
    private final Views views;
    private final Responder responder;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService workers;

    private EmbeddedDnsServer(Settings settings, Views views, Responder responder, DatagramSocket udp, ServerSocket tcp) {
        this.settings = settings;
        this.views = views;
        this.responder = responder;
        this.udp = udp;
        this.tcp = tcp;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "shoal-dns-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static EmbeddedDnsServer start(Settings settings, Views views, RandomGenerator random) throws IOException {
        DatagramSocket udp = null;
        ServerSocket tcp = null;
        for (int attempt = 0; tcp == null; attempt++) {
            udp = new DatagramSocket(settings.bind());
            try {
                tcp = new ServerSocket(udp.getLocalPort(), 64, settings.bind().getAddress());
            } catch (IOException portTakenForTcp) {
                udp.close();
                if (settings.bind().getPort() != 0 || attempt == 10) {
                    throw portTakenForTcp;
                }
            }
        }
        EmbeddedDnsServer server = new EmbeddedDnsServer(settings, views, new Responder(settings.ttlSeconds(), random), udp, tcp);
        server.thread("shoal-dns-udp", server::serveUdp);
        server.thread("shoal-dns-tcp", server::serveTcp);
        return server;
    }

    /** Where it listens (UDP and TCP). */
    public InetSocketAddress address() {
        return new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
    }

    private void thread(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        t.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException closedOrBroken) {
                continue;
            }
            byte[] query = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
            InetAddress client = packet.getAddress();
            int clientPort = packet.getPort();
            submit(() -> {
                Optional<byte[]> reply = responder.respond(query, views.forClient(client), this::forwardUdp, udpLimit(query));
                if (reply.isPresent()) {
                    try {
                        udp.send(new DatagramPacket(reply.get(), reply.get().length, client, clientPort));
                    } catch (IOException clientGone) {
                        // UDP: the client retries
                    }
                }
            });
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                submit(() -> serveConnection(socket));
            } catch (IOException closedOrBroken) {
                // loop ends when closed
            }
        }
    }

    private void serveConnection(Socket socket) {
        try (socket) {
            socket.setSoTimeout(TCP_IDLE_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                Optional<byte[]> reply = responder.respond(query, views.forClient(socket.getInetAddress()), this::forwardTcp, 65535);
                if (reply.isEmpty()) {
                    return;
                }
                out.writeShort(reply.get().length);
                out.write(reply.get());
                out.flush();
            }
        } catch (EOFException | SocketTimeoutException | SocketException done) {
            // client closed, idled out, or the server is closing
        } catch (IOException broken) {
            // nothing to answer on a broken connection
        }
    }

    private void submit(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException closing) {
            // shutting down
        }
    }

    private static int udpLimit(byte[] query) {
        try {
            OPTRecord opt = new Message(query).getOPT();
            return opt == null ? 512 : Math.max(512, Math.min(4096, opt.getPayloadSize()));
        } catch (IOException malformed) {
            return 512;
        }
    }

    private Optional<byte[]> forwardUdp(byte[] query) {
        int timeout = (int) settings.upstreamTimeout().toMillis();
        for (InetSocketAddress upstream : settings.upstreams()) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.setSoTimeout(timeout);
                socket.send(new DatagramPacket(query, query.length, upstream));
                byte[] buffer = new byte[65535];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                if (packet.getLength() >= 2 && buffer[0] == query[0] && buffer[1] == query[1]) {
                    return Optional.of(Arrays.copyOf(buffer, packet.getLength()));
                }
            } catch (IOException unreachableOrSlow) {
                // try the next upstream
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> forwardTcp(byte[] query) {
        int timeout = (int) settings.upstreamTimeout().toMillis();
        for (InetSocketAddress upstream : settings.upstreams()) {
            try (Socket socket = new Socket()) {
                socket.connect(upstream, timeout);
                socket.setSoTimeout(timeout);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeShort(query.length);
                out.write(query);
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] reply = new byte[in.readUnsignedShort()];
                in.readFully(reply);
                return Optional.of(reply);
            } catch (IOException unreachableOrSlow) {
                // try the next upstream
            }
        }
        return Optional.empty();
    }
}
