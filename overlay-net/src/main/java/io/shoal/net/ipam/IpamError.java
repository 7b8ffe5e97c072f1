package io.shoal.net.ipam;

/** Why an IPAM request was refused; a value, never thrown. */
public record IpamError(Kind kind, String detail) {

    public enum Kind {
        INVALID_REQUEST,
        SUBNET_OVERLAPS,
        POOL_EXHAUSTED,
        NETWORK_EXISTS,
        NO_SUCH_NETWORK,
        NETWORK_IN_USE,
        NETWORK_FULL,
        ADDRESS_IN_USE,
        ADDRESS_OUTSIDE_RANGE
    }

    static IpamError of(Kind kind, String detail) {
        return new IpamError(kind, detail);
    }
}
