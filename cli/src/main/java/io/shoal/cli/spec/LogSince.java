package io.shoal.cli.spec;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since} as the docker CLI takes it — a Unix time ({@code 1700000000[.5]}), an RFC 3339 date, or a duration
 * back from now ({@code 42m}, {@code 1h30m}, {@code 90s}) — as the Unix time the API wants.
 */
public final class LogSince {
    private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");
    private static final Pattern DURATION = Pattern.compile("((\\d+)(h|ms|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(h|ms|m|s)");

    private LogSince() {}

    public static String toUnix(String raw, Instant now) {
        if (UNIX.matcher(raw).matches()) {
            return raw;
        }
        Instant at;
        if (DURATION.matcher(raw).matches()) {
            Duration d = Duration.ZERO;
            Matcher m = PART.matcher(raw);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMillis(n);
                });
            }
            at = now.minus(d);
        } else {
            try {
                at = OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidArgument("invalid --since \"" + raw + "\": expected a Unix time, an RFC 3339 date or a duration such as 42m");
            }
        }
        return at.getEpochSecond() + "." + String.format("%09d", at.getNano());
    }
}
