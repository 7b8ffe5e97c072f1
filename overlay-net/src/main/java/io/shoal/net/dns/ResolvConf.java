package io.shoal.net.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The upstream resolvers of a resolv.conf text: its {@code nameserver} lines, port 53. */
public final class ResolvConf {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private ResolvConf() {}

    public static List<InetSocketAddress> nameservers(String text) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver") && LITERAL.matcher(words[1]).matches()) {
                try {
                    // A literal only (checked above), so this never queries DNS.
                    servers.add(new InetSocketAddress(InetAddress.getByName(words[1]), 53));
                } catch (UnknownHostException malformed) {
                    // not an address after all: skip it, as the libc resolver does
                }
            }
        }
        return List.copyOf(servers);
    }
}
