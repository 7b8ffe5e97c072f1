package io.shoal.cli.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the manager's API listens, as given to {@code -H} or {@code SHOAL_HOST}: {@code tcp://HOST:PORT}
 * (the docker CLI's form), or {@code HOST:PORT}, {@code HOST}, {@code http://HOST:PORT}. The port defaults
 * to 2375, Docker's plain-HTTP port.
 */
public record DaemonAddress(String host, int port) {
    public static final String DEFAULT = "tcp://127.0.0.1:2375";
    public static final int DEFAULT_PORT = 2375;

    public DaemonAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
    }

    /** Parses {@code raw}, or throws {@link IllegalArgumentException} with a message that says what is wrong. */
    public static DaemonAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the address is empty: expected tcp://HOST:PORT");
        }
        String s = raw.trim();
        if (s.startsWith("unix://") || s.startsWith("npipe://") || s.startsWith("ssh://") || s.startsWith("fd://")) {
            throw new IllegalArgumentException("invalid address \"" + raw + "\": shoal talks to a manager over TCP only; expected tcp://HOST:PORT");
        }
        if (s.startsWith("https://")) {
            throw new IllegalArgumentException("invalid address \"" + raw + "\": TLS is not supported yet; expected tcp://HOST:PORT");
        }
        String rest = s.startsWith("tcp://") ? s.substring(6) : s.startsWith("http://") ? s.substring(7) : s;
        if (rest.contains("://")) {
            throw new IllegalArgumentException("invalid address \"" + raw + "\": expected tcp://HOST:PORT");
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        try {
            URI uri = new URI("tcp://" + rest);
            if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("invalid address \"" + raw + "\": expected tcp://HOST:PORT");
            }
            if (rest.matches(".*:[^\\]]*$") && uri.getPort() < 0) {
                throw new IllegalArgumentException("invalid address \"" + raw + "\": the port must be a number in 1-65535");
            }
            return new DaemonAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid address \"" + raw + "\": expected tcp://HOST:PORT");
        }
    }

    /** The base of every request: {@code http://HOST:PORT}. */
    public URI baseUri() {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public String toString() {
        return "tcp://" + host + ":" + port;
    }
}
