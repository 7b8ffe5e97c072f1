package io.shoal.net.lb;

import io.shoal.net.ipam.Ipv4;
import java.util.List;

/** A service's virtual IP on one network and its tasks there (endpoint mode vip). Every port and protocol is balanced. */
public record ServiceVip(String serviceId, Ipv4 vip, List<Backend> backends) {
    public ServiceVip {
        backends = List.copyOf(backends);
    }
}
