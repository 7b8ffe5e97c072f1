package io.shoal.engine.registry;

import java.io.IOException;

/**
 * A registry operation failed; {@link #kind()} classifies it for the HTTP layer (rule 16), the message is what
 * Docker's CLI would print after "Error response from daemon:".
 */
public final class RegistryException extends IOException {

    /** What went wrong, with the Docker API status code it maps to. */
    public enum Kind {
        /** Bad input from the caller: a reference that is not Docker syntax, an undecodable X-Registry-Auth. */
        INVALID(400),
        /** Manifest, repository, platform or local image unknown. */
        NOT_FOUND(404),
        /** The registry refused the credentials, or wants some and none were given. */
        UNAUTHORIZED(401),
        /** Connection refused, unknown host, timeout, TLS failure. */
        UNREACHABLE(502),
        /** Content did not hash to the digest that names it; nothing was kept. */
        DIGEST_MISMATCH(502),
        /** The registry answered something the distribution spec does not allow. */
        PROTOCOL(502);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The Docker Engine API status code for this failure. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
