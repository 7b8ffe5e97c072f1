package io.shoal.net.ipam;

import io.shoal.net.ipam.IpamError.Kind;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cluster-wide address management, as on the managers: subnets per network without overlap, one
 * address per task attachment and one virtual IP per service and network.
 *
 * <p>Deterministic (the same calls in the same order give the same addresses: the lowest free
 * subnet, the lowest free address), so the manager can rebuild it by replaying its journal, as
 * swarmkit treats its own store as the only truth and its IPAM as derived. Not thread-safe: one
 * owner (the manager's state actor) calls it. Every refusal is an {@link IpamResult.Refused}.
 */
public final class Ipam {

    private final List<Cidr> defaultPools;
    private final int defaultPrefix;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    /** Every network's subnet by its first address; subnets never overlap, so neighbours tell clashes. */
    private final TreeMap<Long, Cidr> subnetsByStart = new TreeMap<>();

    /** @param defaultPools where networks without a --subnet get theirs, e.g. 10.0.0.0/8
     *  @param defaultPrefix the size of those subnets, e.g. 24 */
    public Ipam(List<Cidr> defaultPools, int defaultPrefix) {
        if (defaultPrefix < 8 || defaultPrefix > 30) {
            throw new IllegalArgumentException("default prefix must be within /8../30: " + defaultPrefix);
        }
        for (Cidr pool : defaultPools) {
            if (pool.prefix() > defaultPrefix) {
                throw new IllegalArgumentException("pool " + pool + " is smaller than /" + defaultPrefix);
            }
        }
        this.defaultPools = List.copyOf(defaultPools);
        this.defaultPrefix = defaultPrefix;
    }

    /** 10.0.0.0/8 in /24s, as Swarm's default address pool. */
    public static Ipam withDefaults() {
        return new Ipam(List.of(Cidr.of("10.0.0.0/8")), 24);
    }

    public IpamResult<NetworkPool> createNetwork(String networkId, SubnetRequest request) {
        if (networks.containsKey(networkId)) {
            return IpamResult.refused(Kind.NETWORK_EXISTS, networkId);
        }
        IpamResult<Cidr> subnet = request.subnet().isPresent() ? userSubnet(request.subnet().get()) : nextFreeSubnet();
        if (!(subnet instanceof IpamResult.Ok<Cidr> ok)) {
            return subnet.map(c -> null);
        }
        Cidr cidr = ok.value();
        Cidr range = cidr;
        if (request.ipRange().isPresent()) {
            Optional<Cidr> parsed = Cidr.parse(request.ipRange().get());
            if (parsed.isEmpty() || !cidr.contains(parsed.get())) {
                return IpamResult.refused(Kind.INVALID_REQUEST, "ip-range " + request.ipRange().get() + " is not within " + cidr);
            }
            range = parsed.get();
        }
        Ipv4 gateway = cidr.network().plus(1);
        if (request.gateway().isPresent()) {
            Optional<Ipv4> parsed = Ipv4.parse(request.gateway().get());
            if (parsed.isEmpty() || !hostAddress(cidr, parsed.get())) {
                return IpamResult.refused(Kind.INVALID_REQUEST, "gateway " + request.gateway().get() + " is not a host address of " + cidr);
            }
            gateway = parsed.get();
        }
        NetworkPool pool = new NetworkPool(networkId, cidr, gateway, range);
        networks.put(networkId, new Network(pool));
        subnetsByStart.put(cidr.network().unsigned(), cidr);
        return IpamResult.ok(pool);
    }

    /** Refused while any address of the network is still allocated (`network rm` while in use). */
    public IpamResult<NetworkPool> removeNetwork(String networkId) {
        Network network = networks.get(networkId);
        if (network == null) {
            return IpamResult.refused(Kind.NO_SUCH_NETWORK, networkId);
        }
        if (!network.byOwner.isEmpty()) {
            return IpamResult.refused(Kind.NETWORK_IN_USE, networkId + " has " + network.byOwner.size() + " addresses allocated");
        }
        networks.remove(networkId);
        subnetsByStart.remove(network.pool.subnet().network().unsigned());
        return IpamResult.ok(network.pool);
    }

    /** The address of one task attachment; asking again for the same attachment returns the same address. */
    public IpamResult<Ipv4> allocateAddress(String networkId, String attachmentId) {
        return allocate(networkId, "task/" + attachmentId);
    }

    /** The virtual IP of one service on one network; idempotent like {@link #allocateAddress}. */
    public IpamResult<Ipv4> allocateVip(String networkId, String serviceId) {
        return allocate(networkId, "vip/" + serviceId);
    }

    /** Records a known address (a user's --ip, or an allocation replayed from the cluster state). */
    public IpamResult<Ipv4> reserveAddress(String networkId, String attachmentId, Ipv4 address) {
        Network network = networks.get(networkId);
        if (network == null) {
            return IpamResult.refused(Kind.NO_SUCH_NETWORK, networkId);
        }
        String owner = "task/" + attachmentId;
        if (!network.pool.range().contains(address) || !hostAddress(network.pool.subnet(), address)
                || address.equals(network.pool.gateway())) {
            return IpamResult.refused(Kind.ADDRESS_OUTSIDE_RANGE, address + " in " + network.pool.range());
        }
        String holder = network.byAddress.get(address);
        if (holder != null && !holder.equals(owner)) {
            return IpamResult.refused(Kind.ADDRESS_IN_USE, address.toString());
        }
        Ipv4 previous = network.byOwner.get(owner);
        if (previous != null && !previous.equals(address)) {
            return IpamResult.refused(Kind.INVALID_REQUEST, attachmentId + " already holds " + previous);
        }
        network.take(owner, address);
        return IpamResult.ok(address);
    }

    public IpamResult<Ipv4> releaseAddress(String networkId, String attachmentId) {
        return release(networkId, "task/" + attachmentId);
    }

    public IpamResult<Ipv4> releaseVip(String networkId, String serviceId) {
        return release(networkId, "vip/" + serviceId);
    }

    public Optional<NetworkPool> pool(String networkId) {
        return Optional.ofNullable(networks.get(networkId)).map(n -> n.pool);
    }

    /** Allocated addresses by owner ("task/ID" or "vip/SERVICE"), in address order. */
    public Map<Ipv4, String> allocations(String networkId) {
        Network network = networks.get(networkId);
        return network == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(network.byAddress));
    }

    private IpamResult<Ipv4> allocate(String networkId, String owner) {
        Network network = networks.get(networkId);
        if (network == null) {
            return IpamResult.refused(Kind.NO_SUCH_NETWORK, networkId);
        }
        Ipv4 held = network.byOwner.get(owner);
        if (held != null) {
            return IpamResult.ok(held);
        }
        Cidr range = network.pool.range();
        for (int offset = network.used.nextClearBit(0); offset < range.size(); offset = network.used.nextClearBit(offset + 1)) {
            Ipv4 candidate = range.network().plus(offset);
            if (hostAddress(network.pool.subnet(), candidate) && !candidate.equals(network.pool.gateway())) {
                network.take(owner, candidate);
                return IpamResult.ok(candidate);
            }
        }
        return IpamResult.refused(Kind.NETWORK_FULL, networkId + " (" + range + ")");
    }

    private IpamResult<Ipv4> release(String networkId, String owner) {
        Network network = networks.get(networkId);
        if (network == null) {
            return IpamResult.refused(Kind.NO_SUCH_NETWORK, networkId);
        }
        Ipv4 address = network.byOwner.remove(owner);
        if (address == null) {
            return IpamResult.refused(Kind.INVALID_REQUEST, owner + " holds no address on " + networkId);
        }
        network.byAddress.remove(address);
        network.used.clear((int) (address.unsigned() - network.pool.range().network().unsigned()));
        return IpamResult.ok(address);
    }

    private IpamResult<Cidr> userSubnet(String text) {
        Optional<Cidr> parsed = Cidr.parse(text);
        if (parsed.isEmpty() || parsed.get().prefix() > 30) {
            return IpamResult.refused(Kind.INVALID_REQUEST, "subnet " + text + " is not an IPv4 prefix of /30 or larger");
        }
        Optional<Cidr> clash = clash(parsed.get());
        if (clash.isPresent()) {
            String owner = networks.values().stream().filter(n -> n.pool.subnet().equals(clash.get()))
                    .map(n -> n.pool.networkId()).findFirst().orElse("?");
            return IpamResult.refused(Kind.SUBNET_OVERLAPS, text + " overlaps " + clash.get() + " of " + owner);
        }
        return IpamResult.ok(parsed.get());
    }

    private IpamResult<Cidr> nextFreeSubnet() {
        long step = 1L << (32 - defaultPrefix);
        for (Cidr pool : defaultPools) {
            long candidate = pool.network().unsigned();
            long end = candidate + pool.size();
            while (candidate < end) {
                Cidr cidr = new Cidr(new Ipv4((int) candidate), defaultPrefix);
                Optional<Cidr> clash = clash(cidr);
                if (clash.isEmpty()) {
                    return IpamResult.ok(cidr);
                }
                // Skip past the clashing subnet in one step (it may be larger than ours).
                long after = clash.get().network().unsigned() + clash.get().size();
                candidate = Math.max(candidate + step, after + (step - after % step) % step);
            }
        }
        return IpamResult.refused(Kind.POOL_EXHAUSTED, "no free /" + defaultPrefix + " in " + defaultPools);
    }

    /** An existing subnet overlapping {@code cidr}: only its neighbours by start address can. */
    private Optional<Cidr> clash(Cidr cidr) {
        long start = cidr.network().unsigned();
        Map.Entry<Long, Cidr> below = subnetsByStart.floorEntry(start);
        if (below != null && below.getValue().overlaps(cidr)) {
            return Optional.of(below.getValue());
        }
        Map.Entry<Long, Cidr> above = subnetsByStart.ceilingEntry(start);
        if (above != null && above.getValue().overlaps(cidr)) {
            return Optional.of(above.getValue());
        }
        return Optional.empty();
    }

    /** Neither the network address nor the broadcast address of the subnet. */
    private static boolean hostAddress(Cidr subnet, Ipv4 address) {
        return subnet.contains(address) && !address.equals(subnet.network()) && !address.equals(subnet.last());
    }

    private static final class Network {
        final NetworkPool pool;
        final BitSet used = new BitSet();
        final Map<String, Ipv4> byOwner = new HashMap<>();
        final Map<Ipv4, String> byAddress = new HashMap<>();

        Network(NetworkPool pool) {
            this.pool = pool;
        }

        void take(String owner, Ipv4 address) {
            byOwner.put(owner, address);
            byAddress.put(address, owner);
            used.set((int) (address.unsigned() - pool.range().network().unsigned()));
        }
    }
}
