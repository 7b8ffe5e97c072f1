package io.shoal.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Durations and capitalised states as the docker CLI prints them: {@code Running 5 minutes ago}. */
public final class HumanTime {
    private HumanTime() {}

    /** The docker CLI's coarse durations: seconds, then minutes, hours, days, weeks, months, years. */
    public static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toSeconds() / 3600.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /** {@code "5 minutes ago"}, or "" when {@code rfc3339} is absent or unreadable. */
    public static String ago(String rfc3339, Instant now) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return "";
        }
        try {
            Duration d = Duration.between(Instant.parse(rfc3339), now);
            return duration(d.isNegative() ? Duration.ZERO : d) + " ago";
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    public static String capitalize(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
