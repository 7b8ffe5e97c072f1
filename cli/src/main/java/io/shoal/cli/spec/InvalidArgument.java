package io.shoal.cli.spec;

/** A flag or argument that cannot become a request; the CLI reports it as a usage error (exit 2) before any request. */
public final class InvalidArgument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidArgument(String message) {
        super(message);
    }
}
