package io.shoal.net.plan;

import io.shoal.net.ipam.Ipv4;

/**
 * A MAC address derived from a task's IPv4 address (02:42 then the four octets, as Docker does),
 * so every host knows a remote task's MAC from its address alone and no ARP crosses the overlay.
 */
public record Mac(long bits) {

    public static Mac of(Ipv4 address) {
        return new Mac(0x0242_0000_0000L | address.unsigned());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                text.append(':');
            }
            text.append(String.format("%02x", (bits >>> shift) & 0xff));
        }
        return text.toString();
    }
}
