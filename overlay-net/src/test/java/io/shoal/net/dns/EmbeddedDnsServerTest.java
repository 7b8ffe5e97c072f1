package io.shoal.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.ipam.Ipv4;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class EmbeddedDnsServerTest {

    private static final InetAddress FRONT_CLIENT = address(127, 0, 0, 1);
    private static final InetAddress BACK_CLIENT = address(127, 0, 0, 2);

    private StubUpstream upstream;
    private EmbeddedDnsServer server;

    @BeforeEach
    void start() throws IOException {
        upstream = new StubUpstream();
        LiveViews views = new LiveViews();
        views.update(NameDirectoryTest.DIRECTORY, Map.of(
                Ipv4.of("127.0.0.1"), List.of("front"),
                Ipv4.of("127.0.0.2"), List.of("back")));
        server = EmbeddedDnsServer.start(new EmbeddedDnsServer.Settings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(upstream.address()),
                Duration.ofSeconds(2), 600), views, new Random(7));
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.close();
    }

    @Test
    void serviceNameAnswersItsVipAuthoritatively() throws IOException {
        Message reply = udp(FRONT_CLIENT, "web.", Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(addresses(reply)).containsExactly("10.0.0.2");
        assertThat(reply.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(600);
        assertThat(upstream.queries.get()).isZero();
    }

    @Test
    void tasksNameAnswersEveryTask() throws IOException {
        assertThat(addresses(udp(FRONT_CLIENT, "tasks.web.", Type.A))).containsExactlyInAnyOrder("10.0.0.3", "10.0.0.4");
        assertThat(addresses(udp(FRONT_CLIENT, "cache.", Type.A))).containsExactlyInAnyOrder("10.0.0.5", "10.0.0.6");
    }

    @Test
    void aNameOnAnotherNetworkIsNotSeenButForwarded() throws IOException {
        assertThat(addresses(udp(BACK_CLIENT, "db.", Type.A))).containsExactly("10.0.1.2");
        assertThat(addresses(udp(FRONT_CLIENT, "db.", Type.A))).containsExactly("192.0.2.1");
        assertThat(upstream.queries.get()).isEqualTo(1);
    }

    @Test
    void otherNamesAreForwardedUpstream() throws IOException {
        Message reply = udp(FRONT_CLIENT, "example.com.", Type.A);
        assertThat(addresses(reply)).containsExactly("192.0.2.1");
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    }

    @Test
    void ourNamesHaveNoIpv6AddressAndAreNotForwarded() throws IOException {
        Message reply = udp(FRONT_CLIENT, "web.", Type.AAAA);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        assertThat(upstream.queries.get()).isZero();
    }

    @Test
    void servfailWhenNoUpstreamAnswers() throws IOException {
        upstream.close();
        assertThat(udp(FRONT_CLIENT, "example.com.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void answersOverTcpToo() throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (String name : List.of("tasks.web.", "www.")) {
                byte[] query = Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN)).toWire();
                out.writeShort(query.length);
                out.write(query);
                out.flush();
                byte[] reply = new byte[in.readUnsignedShort()];
                in.readFully(reply);
                assertThat(addresses(new Message(reply))).isNotEmpty().allMatch(a -> a.startsWith("10.0.0."));
            }
        }
    }

    @Test
    void dnsrrAnswersAreShuffledAcrossQueries() throws IOException {
        List<String> firsts = IntStream.range(0, 40).mapToObj(i -> {
            try {
                return addresses(udp(FRONT_CLIENT, "cache.", Type.A)).get(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().toList();
        assertThat(firsts).containsExactlyInAnyOrder("10.0.0.5", "10.0.0.6");
    }

    @Test
    void aLargeDnsrrAnswerIsTruncatedOverUdpAndWholeOverTcp() throws IOException {
        List<Ipv4> hundred = IntStream.range(0, 100).mapToObj(i -> Ipv4.of("10.0.0.10").plus(i)).toList();
        LiveViews views = new LiveViews();
        views.update(new NameDirectory(Map.of("front", new NetworkNames("front", List.of(new NetworkNames.Service("big", List.of(),
                NetworkNames.EndpointMode.DNSRR, java.util.Optional.empty(), hundred)), List.of()))),
                Map.of(Ipv4.of("127.0.0.1"), List.of("front")));
        server.close();
        server = EmbeddedDnsServer.start(new EmbeddedDnsServer.Settings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(), Duration.ofSeconds(1), 600), views, new Random(1));

        Message udp = udp(FRONT_CLIENT, "big.", Type.A);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.toWire().length).isLessThanOrEqualTo(512);

        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            byte[] query = Message.newQuery(Record.newRecord(Name.fromString("big."), Type.A, DClass.IN)).toWire();
            new DataOutputStream(socket.getOutputStream()).writeShort(query.length);
            socket.getOutputStream().write(query);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            assertThat(addresses(new Message(reply))).hasSize(100);
        }
    }

    @Test
    void garbageIsDropped() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(FRONT_CLIENT, 0))) {
            socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, server.address()));
        }
        // The server keeps serving after it.
        assertThat(addresses(udp(FRONT_CLIENT, "web.", Type.A))).containsExactly("10.0.0.2");
    }

    private Message udp(InetAddress from, String name, int type) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
            socket.setSoTimeout(10_000);
            Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
            byte[] wire = query.toWire();
            socket.send(new DatagramPacket(wire, wire.length, server.address()));
            byte[] buffer = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            Message reply = new Message(Arrays.copyOf(buffer, packet.getLength()));
            assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
            return reply;
        }
    }

    private static List<String> addresses(Message reply) {
        return reply.getSection(Section.ANSWER).stream().filter(ARecord.class::isInstance)
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
