package io.shoal.net.lb;

import java.util.regex.Pattern;

/**
 * One nftables table of family ip, as the complete text {@code nft -f} loads. The text first
 * declares and deletes the table, then defines it, so one load replaces it atomically.
 */
public record NftTable(String name, String text) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public NftTable {
        if (!validName(name)) {
            throw new IllegalArgumentException("unsafe nft table name: " + name);
        }
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
