package io.shoal.net.ipam;

import java.util.Optional;

/** An IPv4 address as its 32 bits; ordering is numeric. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    /**
     * Parses dotted-quad text strictly (four decimal octets, no leading zeros beyond "0"). One pass over the
     * characters with no allocation but the result: the worker parses every peer's address on each refresh.
     */
    public static Optional<Ipv4> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int bits = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i < n && octets < 4) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 4 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= n || text.charAt(i) != '.') {
                    return Optional.empty();
                }
                i++;
            }
        }
        return octets == 4 && i == n ? Optional.of(new Ipv4(bits)) : Optional.empty();
    }

    /** For literals in code and tests; throws on bad text. */
    public static Ipv4 of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
    }

    public Ipv4 plus(long offset) {
        return new Ipv4((int) (unsigned() + offset));
    }

    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    public byte[] octets() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    @Override
    public int compareTo(Ipv4 other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }
}
