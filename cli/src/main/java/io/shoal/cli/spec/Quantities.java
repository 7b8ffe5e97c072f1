package io.shoal.cli.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU counts, memory sizes and durations as the docker CLI reads them: {@code --limit-cpu 0.5},
 * {@code --reserve-memory 512m}, {@code --dispatcher-heartbeat 1m30s}.
 */
public final class Quantities {
    private static final BigDecimal NANO = BigDecimal.valueOf(1_000_000_000L);
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?$");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Quantities() {}

    /** CPUs as NanoCPUs: {@code "1.5"} is 1500000000. At most nine decimals, not negative. */
    public static long nanoCpus(String raw) {
        BigDecimal cpus;
        try {
            cpus = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgument("invalid CPU count \"" + raw + "\": expected a number such as 0.5 or 2");
        }
        if (cpus.signum() < 0) {
            throw new InvalidArgument("invalid CPU count \"" + raw + "\": it cannot be negative");
        }
        BigDecimal nanos = cpus.multiply(NANO);
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new InvalidArgument("invalid CPU count \"" + raw + "\": too precise, at most 9 decimals");
        }
        try {
            return nanos.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument("invalid CPU count \"" + raw + "\": too large");
        }
    }

    /** Nanoseconds of a Go duration, as the docker CLI's duration flags take it: {@code 5s}, {@code 1m30s}, {@code 250ms}. */
    public static long durationNanos(String raw) {
        String d = raw.trim();
        Matcher m = DURATION.matcher(d);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        if (d.isEmpty() || at != d.length()) {
            throw new InvalidArgument("invalid duration \"" + raw + "\": expected a number with a unit (ns, us, ms, s, m, h), e.g. 5s or 1m30s");
        }
        try {
            return total.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument("invalid duration \"" + raw + "\": too large");
        }
    }

    /** Bytes, with binary multiples as Docker's RAMInBytes: {@code 512m}, {@code 1g}, {@code 1.5GiB}, {@code 100} (bytes). */
    public static long memoryBytes(String raw) {
        Matcher m = SIZE.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidArgument("invalid size \"" + raw + "\": expected a number of bytes with an optional unit b, k, m, g, t or p (e.g. 512m)");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            default -> 0;
        };
        try {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift))
                    .setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgument("invalid size \"" + raw + "\": too large");
        }
    }
}
