package io.shoal.net.dns;

import io.shoal.net.ipam.Ipv4;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one query message: names of the asking container's networks from its view, anything
 * else through the forwarder. The wire format is dnsjava's. Answers with several addresses are
 * shuffled (the injected random) so clients spread over dnsrr tasks.
 */
final class Responder {

    /** Forwards a query's bytes upstream and returns the reply's bytes, or empty on failure. */
    interface Forwarder {
        Optional<byte[]> forward(byte[] query);
    }

    private final long ttlSeconds;
    private final RandomGenerator random;

    Responder(long ttlSeconds, RandomGenerator random) {
        this.ttlSeconds = ttlSeconds;
        this.random = random;
    }

    /** @return the reply's bytes, or empty when the query cannot even be parsed (dropped) */
    Optional<byte[]> respond(byte[] query, Optional<NameDirectory.View> view, Forwarder forwarder, int maxLength) {
        Message request;
        try {
            request = new Message(query);
        } catch (IOException malformed) {
            return Optional.empty();
        }
        Record question = request.getQuestion();
        if (question == null || request.getHeader().getOpcode() != Opcode.QUERY || request.getHeader().getFlag(Flags.QR)) {
            return Optional.of(reply(request, Rcode.FORMERR).toWire(maxLength));
        }
        Optional<List<Ipv4>> local = view.flatMap(v -> v.resolve(question.getName().toString()));
        if (local.isPresent() && question.getDClass() == DClass.IN) {
            Message reply = reply(request, Rcode.NOERROR);
            reply.getHeader().setFlag(Flags.AA);
            if (question.getType() == Type.A || question.getType() == Type.ANY) {
                List<Ipv4> addresses = new ArrayList<>(local.get());
                shuffle(addresses);
                for (Ipv4 address : addresses) {
                    reply.addRecord(new ARecord(question.getName(), DClass.IN, ttlSeconds, inet(address)), Section.ANSWER);
                }
            }
            return Optional.of(reply.toWire(maxLength));
        }
        Optional<byte[]> forwarded = forwarder.forward(query);
        if (forwarded.isPresent()) {
            return forwarded;
        }
        return Optional.of(reply(request, Rcode.SERVFAIL).toWire(maxLength));
    }

    private static Message reply(Message request, int rcode) {
        Message reply = new Message(request.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        if (request.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        reply.getHeader().setRcode(rcode);
        if (request.getQuestion() != null) {
            reply.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return reply;
    }

    private void shuffle(List<Ipv4> addresses) {
        for (int i = addresses.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Ipv4 swap = addresses.get(i);
            addresses.set(i, addresses.get(j));
            addresses.set(j, swap);
        }
    }

    private static InetAddress inet(Ipv4 address) {
        try {
            return InetAddress.getByAddress(address.octets());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four octets are always an address", impossible);
        }
    }
}
