package io.shoal.cli.client;

/**
 * The daemon answered, but not with success: the HTTP status and Docker's {@code {"message": ...}} text.
 * The CLI prints it as {@code Error response from daemon: <message>} and exits 1.
 */
public final class DaemonError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public DaemonError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
