package io.shoal.api.model;

import java.time.Instant;
import java.util.List;

/**
 * A swarm-scoped network as stored: the user's spec and what the managers allocated for it, its subnet,
 * gateway and range ({@code pools}, one per network today) and, for overlays, the VXLAN network identifier.
 */
public record Network(String id, Version version, Instant createdAt, Instant updatedAt, NetworkSpec spec,
                      List<NetworkSpec.IpamConfig> pools, Integer vni) {

    /** The subnet's prefix length, for addresses written as Docker writes them ({@code 10.0.1.5/24}). */
    public String prefixLength() {
        if (pools == null || pools.isEmpty()) {
            return "";
        }
        String subnet = pools.get(0).subnet();
        return subnet.substring(subnet.indexOf('/') + 1);
    }
}
