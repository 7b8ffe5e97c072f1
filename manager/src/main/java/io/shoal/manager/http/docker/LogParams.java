package io.shoal.manager.http.docker;

import io.shoal.api.error.ApiException;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.manager.logs.LogFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /services/{id}/logs} and {@code GET /tasks/{id}/logs} as dockerd reads it: booleans are
 * true unless empty, {@code 0}, {@code no}, {@code false} or {@code none}; {@code tail} is {@code all} or a count (a
 * negative one means all, as the CLI documents); {@code since} is a Unix time with optional nanoseconds (the CLI
 * converts durations and dates to that). Bad values are 400s naming the parameter and the value.
 */
record LogParams(LogsProtocol.Selection selection, boolean timestamps, boolean details) {
    private static final Pattern UNIX_TIME = Pattern.compile("(\\d+)(?:\\.(\\d{1,9}))?");

    static LogParams parse(Map<String, String> query) {
        boolean stdout = flag(query, "stdout");
        boolean stderr = flag(query, "stderr");
        if (!stdout && !stderr) {
            throw ApiException.badRequest("Bad parameters: you must choose at least one stream");
        }
        return new LogParams(new LogsProtocol.Selection(stdout, stderr, since(query.get("since")), tail(query.get("tail")),
                flag(query, "follow")), flag(query, "timestamps"), flag(query, "details"));
    }

    LogFormat format(boolean tty) {
        return new LogFormat(!tty, timestamps, details);
    }

    static boolean flag(Map<String, String> query, String name) {
        String v = query.getOrDefault(name, "").trim().toLowerCase(Locale.ROOT);
        return !(v.isEmpty() || v.equals("0") || v.equals("no") || v.equals("false") || v.equals("none"));
    }

    static int tail(String value) {
        if (value == null || value.isEmpty() || value.equals("all")) {
            return -1;
        }
        try {
            return Math.max(-1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid tail value \"" + value + "\": expected \"all\" or a number of lines");
        }
    }

    static Instant since(String value) {
        if (value == null || value.isEmpty() || value.equals("0")) {
            return null;
        }
        Matcher m = UNIX_TIME.matcher(value);
        if (!m.matches()) {
            throw ApiException.badRequest("invalid since value \"" + value + "\": expected a Unix time in seconds[.nanoseconds]");
        }
        String fraction = m.group(2) == null ? "0" : (m.group(2) + "00000000").substring(0, 9);
        return Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(fraction));
    }
}
