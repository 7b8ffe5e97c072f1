package io.shoal.net.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Linux interface name that is safe on any command line: 1–15 characters of {@code [A-Za-z0-9_.-]},
 * not starting with '-' or '.', never a word that {@code ip} would read as a keyword.
 */
public record IfName(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    public IfName {
        if (!valid(value)) {
            throw new IllegalArgumentException("unsafe interface name: " + value);
        }
    }

    public static boolean valid(String value) {
        return value != null && SAFE.matcher(value).matches()
                && !value.equals("all") && !value.equals("default") && !value.equals("dev");
    }

    public static Optional<IfName> parse(String value) {
        return valid(value) ? Optional.of(new IfName(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
