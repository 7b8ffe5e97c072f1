package io.shoal.api.validate;

import java.util.regex.Pattern;

/** Rules for names that become DNS names, paths or command-line arguments. */
public final class Names {
    /** A DNS label: letters, digits, '-' and '_' inside, at most 63 characters (swarmkit's rule). */
    private static final Pattern DNS_COMPONENT = Pattern.compile("[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*");
    private static final Pattern LABEL_KEY = Pattern.compile("[^\\s=]+");

    private Names() {}

    public static boolean isDnsComponent(String name) {
        return name != null && name.length() <= 63 && DNS_COMPONENT.matcher(name).matches();
    }

    public static boolean isLabelKey(String key) {
        return key != null && key.length() <= 1024 && LABEL_KEY.matcher(key).matches();
    }
}
