package io.shoal.net.lb;

import io.shoal.net.ipam.Ipv4;

/** One task behind a VIP or published port; unhealthy ones get no new connections. */
public record Backend(Ipv4 address, boolean healthy) {

    public static Backend healthy(Ipv4 address) {
        return new Backend(address, true);
    }
}
