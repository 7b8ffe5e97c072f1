package io.shoal.net.host;

/** A host change that will fail again if retried as is (bad name, object exists, kernel refuses). */
public class PermanentNetworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentNetworkException(String message) {
        super(message);
    }
}
