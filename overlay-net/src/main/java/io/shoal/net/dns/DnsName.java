package io.shoal.net.dns;

import java.util.Locale;

/** DNS names compare case-insensitively and without the final dot. */
final class DnsName {

    private DnsName() {}

    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
