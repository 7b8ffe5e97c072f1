package io.shoal.scheduler.view;

import java.util.Locale;
import java.util.Objects;

/** A host-mode published port: at most one task per node may bind it. */
public record PublishedPort(String protocol, int port) implements Comparable<PublishedPort> {

    public PublishedPort {
        protocol = Objects.requireNonNull(protocol, "protocol").toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static PublishedPort tcp(int port) {
        return new PublishedPort("tcp", port);
    }

    @Override
    public int compareTo(PublishedPort o) {
        int c = protocol.compareTo(o.protocol);
        return c != 0 ? c : Integer.compare(port, o.port);
    }
}
