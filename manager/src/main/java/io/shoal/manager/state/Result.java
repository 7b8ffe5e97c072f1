package io.shoal.manager.state;

/** The answer to a command: the changed object, or why it was refused. */
public sealed interface Result<T> {
    record Ok<T>(T value) implements Result<T> {}

    record Rejected<T>(Reason reason, String message) implements Result<T> {}

    /** Why a command was refused; the HTTP layer maps each to Docker's status code. */
    enum Reason { INVALID, NOT_FOUND, CONFLICT, NOT_A_SWARM, ALREADY_A_SWARM, FORBIDDEN }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> rejected(Reason reason, String message) {
        return new Rejected<>(reason, message);
    }
}
