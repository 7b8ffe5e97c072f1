package io.shoal.cli.spec;

import java.util.regex.Pattern;

/** Placement constraints ({@code node.labels.zone==east}, {@code node.role!=manager}) checked for shape before they are sent. */
public final class Constraints {
    private static final Pattern SHAPE = Pattern.compile("^\\s*([A-Za-z0-9_.\\-]+)\\s*(==|!=)\\s*(\\S.*?)\\s*$");

    private Constraints() {}

    public static String validate(String raw) {
        if (!SHAPE.matcher(raw).matches()) {
            throw new InvalidArgument("invalid constraint \"" + raw + "\": expected ATTRIBUTE==VALUE or ATTRIBUTE!=VALUE (e.g. node.labels.zone==east)");
        }
        return raw;
    }
}
