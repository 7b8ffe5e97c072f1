package io.shoal.cli.client;

/** No answer at all from the daemon's address (refused, timed out, cut): the CLI exits 3. */
public final class DaemonUnreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final DaemonAddress address;

    public DaemonUnreachable(DaemonAddress address, Throwable cause) {
        super("Cannot connect to the Shoal daemon at " + address + ". Is shoald running there? ("
                + describe(cause) + ")", cause);
        this.address = address;
    }

    public DaemonAddress address() {
        return address;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }
}
