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
}
