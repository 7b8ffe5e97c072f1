package io.shoal.api.model;

import java.util.List;

/**
 * What the managers allocated for a service's endpoint, Docker's {@code Service.Endpoint} without the spec:
 * its published ports (ingress ports with their assigned {@code PublishedPort}) and one virtual IP per
 * network in {@code vip} mode (including the ingress network when it publishes ingress ports).
 */
public record Endpoint(List<ServiceSpec.PortConfig> ports, List<VirtualIp> virtualIps) {

    public static final Endpoint NONE = new Endpoint(List.of(), List.of());

    public record VirtualIp(String networkId, String addr) {}
}
