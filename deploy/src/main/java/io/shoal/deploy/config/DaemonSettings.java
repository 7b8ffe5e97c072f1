package io.shoal.deploy.config;

import java.nio.file.Path;

/**
 * How {@code shoald} was asked to run: where its state lives and which addresses it serves, each
 * validated once at start.
 */
public record DaemonSettings(Path dataRoot, HostPort apiAddr, HostPort clusterAddr, String advertiseAddr) {

    /** A {@code HOST:PORT} pair as given on the command line. */
    public record HostPort(String host, int port) {
        public static HostPort parse(String flag, String value) {
            int colon = value == null ? -1 : value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException(flag + ": expected HOST:PORT, got \"" + value + "\"");
            }
            String host = value.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (!host.matches("[A-Za-z0-9.:_-]+")) {
                throw new IllegalArgumentException(flag + ": invalid host \"" + host + "\"");
            }
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + ": invalid port \"" + value.substring(colon + 1) + "\"");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(flag + ": port out of range 0-65535: " + port);
            }
            return new HostPort(host, port);
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
