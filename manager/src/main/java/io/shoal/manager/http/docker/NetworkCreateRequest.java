package io.shoal.manager.http.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shoal.api.error.ApiException;
import io.shoal.api.model.NetworkSpec;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /networks/create} as Docker defines it. Fields a swarm network cannot have are
 * refused by name ({@code EnableIPv6}, {@code ConfigOnly}, {@code ConfigFrom}, a non-swarm {@code Scope});
 * {@code CheckDuplicate} is accepted and always honoured, as dockerd does since API 1.44.
 */
@JsonIgnoreProperties({"CheckDuplicate", "EnableIPv4"})
record NetworkCreateRequest(String name, String driver, String scope, Boolean internal, Boolean attachable, Boolean ingress,
                            Boolean configOnly, Map<String, Object> configFrom, @JsonProperty("IPAM") Ipam ipam, @JsonProperty("EnableIPv6") Boolean enableIPv6,
                            Map<String, String> options, Map<String, String> labels) {

    record Ipam(String driver, List<IpamConfig> config, Map<String, String> options) {}

    @JsonIgnoreProperties({"AuxiliaryAddresses"})
    record IpamConfig(String subnet, @JsonProperty("IPRange") String ipRange, String gateway) {}

    NetworkSpec toSpec() {
        if (Boolean.TRUE.equals(enableIPv6)) {
            throw ApiException.badRequest("EnableIPv6: IPv6 networks are not supported");
        }
        if (Boolean.TRUE.equals(configOnly) || configFrom != null && configFrom.get("Network") != null
                && !String.valueOf(configFrom.get("Network")).isEmpty()) {
            throw ApiException.badRequest("ConfigOnly, ConfigFrom: configuration-only networks are not supported");
        }
        if (scope != null && !scope.isEmpty() && !"swarm".equals(scope)) {
            throw ApiException.badRequest("Scope: only swarm-scoped networks can be created on a Shoal manager, not \"" + scope + "\"");
        }
        NetworkSpec.Ipam i = ipam == null ? null : new NetworkSpec.Ipam(ipam.driver(),
                ipam.config() == null ? null : ipam.config().stream().map(c -> c == null ? null
                        : new NetworkSpec.IpamConfig(c.subnet(), c.gateway(), c.ipRange())).toList(), ipam.options());
        return new NetworkSpec(name, driver, labels, options, Boolean.TRUE.equals(internal), Boolean.TRUE.equals(attachable),
                Boolean.TRUE.equals(ingress), i);
    }
}
