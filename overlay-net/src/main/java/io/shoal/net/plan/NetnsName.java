package io.shoal.net.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/** A named network namespace (a file under /run/netns): {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,63}}. */
public record NetnsName(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    public NetnsName {
        if (!valid(value)) {
            throw new IllegalArgumentException("unsafe netns name: " + value);
        }
    }

    public static boolean valid(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    public static Optional<NetnsName> parse(String value) {
        return valid(value) ? Optional.of(new NetnsName(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
