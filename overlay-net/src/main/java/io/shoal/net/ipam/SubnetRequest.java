package io.shoal.net.ipam;

import java.util.Optional;

/**
 * What a user asked for at {@code network create}: all optional and still text, as given
 * (--subnet, --gateway, --ip-range). {@link Ipam} validates it.
 */
public record SubnetRequest(Optional<String> subnet, Optional<String> gateway, Optional<String> ipRange) {

    public static SubnetRequest fromPool() {
        return new SubnetRequest(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static SubnetRequest subnet(String subnet) {
        return new SubnetRequest(Optional.of(subnet), Optional.empty(), Optional.empty());
    }

    public SubnetRequest withGateway(String gateway) {
        return new SubnetRequest(subnet, Optional.of(gateway), ipRange);
    }

    public SubnetRequest withIpRange(String range) {
        return new SubnetRequest(subnet, gateway, Optional.of(range));
    }
}
