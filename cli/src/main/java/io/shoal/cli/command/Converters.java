package io.shoal.cli.command;

import io.shoal.cli.spec.Constraints;
import io.shoal.cli.spec.InvalidArgument;
import io.shoal.cli.spec.KeyValue;
import io.shoal.cli.spec.PortSpec;
import io.shoal.cli.spec.Quantities;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters over {@code io.shoal.cli.spec}: a bad value is a usage error (exit 2) before any request. */
public final class Converters {
    private Converters() {}

    public static final class Env implements ITypeConverter<KeyValue> {
        @Override
        public KeyValue convert(String value) {
            return checked(() -> KeyValue.parse(value, "environment variable"));
        }
    }

    public static final class Label implements ITypeConverter<KeyValue> {
        @Override
        public KeyValue convert(String value) {
            return checked(() -> KeyValue.parseLabel(value));
        }
    }

    /** A {@code -f KEY=VALUE} list filter. */
    public static final class Filter implements ITypeConverter<KeyValue> {
        @Override
        public KeyValue convert(String value) {
            return checked(() -> KeyValue.parse(value, "filter"));
        }
    }

    /** A key alone, for {@code --env-rm} and {@code --label-rm}. */
    public static final class Key implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> KeyValue.parseKey(value, "key"));
        }
    }

    public static final class Port implements ITypeConverter<PortSpec> {
        @Override
        public PortSpec convert(String value) {
            return checked(() -> PortSpec.parse(value));
        }
    }

    public static final class Constraint implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> Constraints.validate(value));
        }
    }

    public static final class Cpus implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return checked(() -> Quantities.nanoCpus(value));
        }
    }

    public static final class Memory implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return checked(() -> Quantities.memoryBytes(value));
        }
    }

    /** A replica count: a whole number, 0 or more. */
    public static final class Replicas implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n >= 0) {
                    return n;
                }
                throw new TypeConversionException("invalid replicas " + value + ": it cannot be negative");
            } catch (NumberFormatException e) {
                throw new TypeConversionException("invalid replicas \"" + value + "\": expected a whole number, 0 or more");
            }
        }
    }

    private static <T> T checked(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidArgument e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
