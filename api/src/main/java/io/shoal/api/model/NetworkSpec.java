package io.shoal.api.model;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for at {@code network create}: Docker's NetworkCreateRequest without the fields a swarm
 * network does not have. {@code driver} is {@code overlay} (the default) or {@code bridge}; {@code ipam}
 * may ask for a subnet, gateway and IP range, or leave the subnet to the managers' default pool.
 */
public record NetworkSpec(
        String name,
        String driver,
        Map<String, String> labels,
        Map<String, String> options,
        boolean internal,
        boolean attachable,
        boolean ingress,
        Ipam ipam) {

    public static final String OVERLAY = "overlay";
    public static final String BRIDGE = "bridge";

    /** The driver, {@code overlay} when unset. */
    public String driverOrDefault() {
        return driver == null || driver.isEmpty() ? OVERLAY : driver;
    }

    /** The user's one IPv4 pool request, if any. */
    public IpamConfig requestedPool() {
        return ipam == null || ipam.config() == null || ipam.config().isEmpty() ? null : ipam.config().get(0);
    }

    /** Docker's IPAM: a driver ({@code default}), pool requests and driver options. */
    public record Ipam(String driver, List<IpamConfig> config, Map<String, String> options) {}

    /** One address pool: {@code 10.0.9.0/24}, its gateway and the range addresses are handed out from. */
    public record IpamConfig(String subnet, String gateway, String ipRange) {}
}
