package io.shoal.cli.output;

/** Object ids as tables show them: the first 12 characters unless {@code --no-trunc}. */
public final class Ids {
    public static final int SHORT = 12;

    private Ids() {}

    public static String shorten(String id, boolean noTrunc) {
        return noTrunc || id.length() <= SHORT ? id : id.substring(0, SHORT);
    }
}
