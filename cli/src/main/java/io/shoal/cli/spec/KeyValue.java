package io.shoal.cli.spec;

/** A {@code KEY=VALUE} argument (an environment variable, a label). */
public record KeyValue(String key, String value) {

    /** {@code KEY=VALUE}; the value may be empty or contain '=', the key may not be empty or contain whitespace. */
    public static KeyValue parse(String raw, String what) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            throw new InvalidArgument("invalid " + what + " \"" + raw + "\": expected KEY=VALUE");
        }
        return new KeyValue(key(raw.substring(0, eq), raw, what), raw.substring(eq + 1));
    }

    /** {@code KEY=VALUE} or a bare {@code KEY} (empty value), as Docker accepts labels. */
    public static KeyValue parseLabel(String raw) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            return new KeyValue(key(raw, raw, "label"), "");
        }
        return new KeyValue(key(raw.substring(0, eq), raw, "label"), raw.substring(eq + 1));
    }

    /** A key alone, as {@code --env-rm} and {@code --label-rm} take it. */
    public static String parseKey(String raw, String what) {
        if (raw.contains("=")) {
            throw new InvalidArgument("invalid " + what + " \"" + raw + "\": expected a KEY without '='");
        }
        return key(raw, raw, what);
    }

    private static String key(String key, String raw, String what) {
        if (key.isEmpty()) {
            throw new InvalidArgument("invalid " + what + " \"" + raw + "\": the key is empty");
        }
        if (!key.equals(key.strip()) || key.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidArgument("invalid " + what + " \"" + raw + "\": the key contains whitespace");
        }
        return key;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
