package io.shoal.net.dns;

import io.shoal.net.dns.NetworkNames.Container;
import io.shoal.net.dns.NetworkNames.EndpointMode;
import io.shoal.net.dns.NetworkNames.Service;
import io.shoal.net.ipam.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of every network, and the view one container has of them: only the networks it is
 * attached to, in its attachment order (the first network that knows a name answers, as in
 * Docker). Immutable; pure.
 */
public record NameDirectory(Map<String, NetworkNames> networks) {

    public NameDirectory {
        networks = Map.copyOf(networks);
    }

    /** What one container may resolve. */
    public View viewFor(List<String> attachedNetworkIds) {
        List<NetworkNames> visible = new ArrayList<>();
        for (String id : attachedNetworkIds) {
            NetworkNames names = networks.get(id);
            if (names != null) {
                visible.add(names);
            }
        }
        return new View(List.copyOf(visible));
    }

    /** The resolver of one container. */
    public record View(List<NetworkNames> networks) {

        /**
         * The addresses of a name this container's networks know: a service's VIP (vip mode) or
         * its tasks (dnsrr), {@code tasks.NAME}, a container's name or network alias. Empty when
         * the name is not theirs (the server then forwards it).
         */
        public Optional<List<Ipv4>> resolve(String name) {
            String wanted = DnsName.normalize(name);
            for (NetworkNames network : networks) {
                Optional<List<Ipv4>> found = resolveOn(network, wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        private static Optional<List<Ipv4>> resolveOn(NetworkNames network, String wanted) {
            for (Service service : network.services()) {
                if (service.answersTo(wanted)) {
                    if (service.mode() == EndpointMode.VIP && service.vip().isPresent()) {
                        return Optional.of(List.of(service.vip().get()));
                    }
                    return Optional.of(service.tasks());
                }
                if (wanted.startsWith("tasks.") && service.answersTo(wanted.substring("tasks.".length()))) {
                    return Optional.of(service.tasks());
                }
            }
            Set<Ipv4> addresses = new LinkedHashSet<>();
            for (Container container : network.containers()) {
                if (container.answersTo(wanted)) {
                    addresses.add(container.address());
                }
            }
            return addresses.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(addresses));
        }
    }
}
