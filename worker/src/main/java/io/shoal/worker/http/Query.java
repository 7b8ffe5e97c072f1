package io.shoal.worker.http;

import io.shoal.api.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Docker's query parameters: booleans as {@code 1}/{@code true}, durations in seconds, unix times, tail. */
final class Query {
    private Query() {}

    static boolean flag(Map<String, String> query, String name) {
        String v = query.get(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /** {@code t=N} seconds; {@code fallback} when absent. */
    static Duration seconds(Map<String, String> query, String name, Duration fallback) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            return n < 0 ? fallback : Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid value for " + name + ": " + v + " (expected seconds)");
        }
    }

    /** {@code tail} or {@code limit}: {@code all}, absent or negative is -1 (everything); otherwise the count. */
    static int tail(String v) {
        if (v == null || v.isEmpty() || v.equals("all")) {
            return -1;
        }
        try {
            int n = Integer.parseInt(v);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid count " + v + ": expected a number or all");
        }
    }

    /** Docker's {@code since}/{@code until}: unix seconds, optionally with a fraction. */
    static Instant unixTime(String v, Instant fallback) {
        if (v == null || v.isEmpty() || v.equals("0")) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(v);
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid time " + v + ": expected unix seconds");
        }
    }

    private static final java.util.regex.Pattern GO_DURATION =
            java.util.regex.Pattern.compile("(?:(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+");
    private static final java.util.regex.Pattern GO_DURATION_PART =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    /**
     * dockerd's filter timestamps ({@code until=} of the prune commands): a Go duration before {@code now}
     * ({@code 10m}, {@code 1h30m}), unix seconds, or an RFC 3339 date-time, a local date-time or a date (UTC).
     */
    static Instant timestamp(String v, Instant now) {
        if (v == null || v.isEmpty()) {
            throw ApiException.badRequest("invalid timestamp: empty");
        }
        if (GO_DURATION.matcher(v).matches()) {
            double nanos = 0;
            java.util.regex.Matcher m = GO_DURATION_PART.matcher(v);
            while (m.find()) {
                double n = Double.parseDouble(m.group(1));
                nanos += n * switch (m.group(2)) {
                    case "ns" -> 1d;
                    case "us", "µs" -> 1e3;
                    case "ms" -> 1e6;
                    case "s" -> 1e9;
                    case "m" -> 60e9;
                    default -> 3600e9;
                };
            }
            return now.minusNanos((long) nanos);
        }
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            return unixTime(v, Instant.EPOCH);
        }
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException ignored) {
            // not RFC 3339 with an offset
        }
        try {
            return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("invalid timestamp " + v
                    + ": expected a duration (10m, 1h30m), unix seconds or an RFC 3339 date");
        }
    }
}
