package io.shoal.cli.output;

import java.util.Locale;

/** {@code --format}: an aligned table (lists), pretty JSON (inspect), or compact JSON, one document per line. */
public enum OutputFormat {
    TABLE, PRETTY, JSON;

    /** {@code table} or {@code json} (blank means the command's default); Go templates are not supported. */
    public static OutputFormat parse(String raw, OutputFormat defaultFormat) {
        if (raw == null || raw.isBlank()) {
            return defaultFormat;
        }
        String f = raw.strip().toLowerCase(Locale.ROOT);
        if (f.equals("json")) {
            return JSON;
        }
        if (f.equals("table") && defaultFormat == TABLE || f.equals("pretty") && defaultFormat == PRETTY) {
            return defaultFormat;
        }
        throw new IllegalArgumentException("unsupported format \"" + raw + "\": use "
                + (defaultFormat == TABLE ? "table" : "pretty") + " or json (Go templates are not supported)");
    }
}
