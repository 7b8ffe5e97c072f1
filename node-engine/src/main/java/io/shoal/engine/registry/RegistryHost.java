package io.shoal.engine.registry;

import io.shoal.engine.image.ImageReference;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a reference's domain is served: {@code docker.io} is {@code https://registry-1.docker.io}; a registry
 * listed as insecure, and any loopback host ({@code localhost}, 127.0.0.0/8, {@code ::1}), is plain http, as
 * dockerd treats them; everything else is https. Pure.
 */
public record RegistryHost(String domain, URI base) {

    private static final String DOCKER_HUB_ENDPOINT = "registry-1.docker.io";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public static RegistryHost of(String domain, RegistrySettings settings) {
        String authority = domain.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_ENDPOINT : domain;
        boolean plain = isLoopback(hostOf(domain)) || isListed(domain, settings.insecureRegistries());
        return new RegistryHost(domain, URI.create((plain ? "http" : "https") + "://" + authority));
    }

    public boolean plainHttp() {
        return base.getScheme().equals("http");
    }

    /** {@code /v2/<path>/<rest>} on this registry. */
    public URI uri(String repository, String rest) {
        return base.resolve("/v2/" + repository + "/" + rest);
    }

    static String hostOf(String domain) {
        if (domain.startsWith("[")) {
            int end = domain.indexOf(']');
            return end < 0 ? domain : domain.substring(1, end);
        }
        int colon = domain.lastIndexOf(':');
        return colon < 0 ? domain : domain.substring(0, colon);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        long ip = ipv4(h);
        return ip >= 0 && (ip >>> 24) == 127;
    }

    private static boolean isListed(String domain, List<String> insecure) {
        String host = hostOf(domain);
        long ip = ipv4(host);
        for (String entry : insecure) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.equals(domain.toLowerCase(Locale.ROOT)) || e.equals(host.toLowerCase(Locale.ROOT))) {
                return true;
            }
            int slash = e.indexOf('/');
            if (slash > 0 && ip >= 0) {
                long net = ipv4(e.substring(0, slash));
                int bits = prefixLength(e.substring(slash + 1));
                long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                if (net >= 0 && bits <= 32 && (ip & mask) == (net & mask)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int prefixLength(String text) {
        try {
            int bits = Integer.parseInt(text);
            return bits >= 0 && bits <= 32 ? bits : 33;
        } catch (NumberFormatException e) {
            return 33;
        }
    }

    /** The address as an unsigned 32-bit value, or -1 if {@code host} is not a dotted IPv4 literal. */
    private static long ipv4(String host) {
        var m = IPV4.matcher(host);
        if (!m.matches()) {
            return -1;
        }
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }
}
