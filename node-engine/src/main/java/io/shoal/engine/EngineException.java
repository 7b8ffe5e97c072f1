package io.shoal.engine;

/**
 * A failed engine operation, classified for the edge (one {@code ApiErrors} maps {@link Kind} to Docker's
 * status codes: NOT_FOUND 404, CONFLICT 409, INVALID 400, INTERNAL 500).
 */
public final class EngineException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID, INTERNAL }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static EngineException notFound(String message) {
        return new EngineException(Kind.NOT_FOUND, message);
    }

    public static EngineException conflict(String message) {
        return new EngineException(Kind.CONFLICT, message);
    }

    public static EngineException invalid(String message) {
        return new EngineException(Kind.INVALID, message);
    }
}
