package io.shoal.net.host;

/** A host change that may work if retried (a command timed out or could not start). */
public class TransientNetworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
