package io.shoal.net.dns;

import io.shoal.net.ipam.Ipv4;
import java.util.List;
import java.util.Optional;

/**
 * The names one network gives: its services (with their aliases on that network, endpoint mode,
 * VIP and task addresses) and its containers' own names and network aliases. A value: the
 * worker builds a new one when tasks come and go and swaps it into {@link NameDirectory}.
 */
public record NetworkNames(String networkId, List<Service> services, List<Container> containers) {

    public NetworkNames {
        services = List.copyOf(services);
        containers = List.copyOf(containers);
    }

    public enum EndpointMode { VIP, DNSRR }

    /** @param tasks the addresses of the running, healthy tasks on this network */
    public record Service(String name, List<String> aliases, EndpointMode mode, Optional<Ipv4> vip, List<Ipv4> tasks) {
        public Service {
            aliases = List.copyOf(aliases);
            tasks = List.copyOf(tasks);
        }

        boolean answersTo(String normalized) {
            return DnsName.normalize(name).equals(normalized)
                    || aliases.stream().anyMatch(a -> DnsName.normalize(a).equals(normalized));
        }
    }

    /** A container (task) on this network: its name, its network aliases and its address. */
    public record Container(String name, List<String> aliases, Ipv4 address) {
        public Container {
            aliases = List.copyOf(aliases);
        }

        boolean answersTo(String normalized) {
            return DnsName.normalize(name).equals(normalized)
                    || aliases.stream().anyMatch(a -> DnsName.normalize(a).equals(normalized));
        }
    }
}
