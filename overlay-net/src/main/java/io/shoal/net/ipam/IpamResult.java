package io.shoal.net.ipam;

import java.util.function.Function;

/** The outcome of an IPAM request: the value, or the reason it was refused. */
public sealed interface IpamResult<T> {

    record Ok<T>(T value) implements IpamResult<T> {}

    record Refused<T>(IpamError error) implements IpamResult<T> {}

    static <T> IpamResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> IpamResult<T> refused(IpamError.Kind kind, String detail) {
        return new Refused<>(IpamError.of(kind, detail));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; for callers that have already checked {@link #isOk()} (and for tests). */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Refused<T>) this).error().toString());
    }

    default <U> IpamResult<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Refused<>(((Refused<T>) this).error());
    }
}
