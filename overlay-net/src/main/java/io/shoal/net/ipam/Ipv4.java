package io.shoal.net.ipam;

import java.util.Optional;

/** An IPv4 address as its 32 bits; ordering is numeric. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    /** Parses dotted-quad text strictly (four decimal octets, no leading zeros beyond "0"). */
    public static Optional<Ipv4> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(new Ipv4(bits));
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
