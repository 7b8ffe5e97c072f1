package io.shoal.manager.network;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.net.ipam.Ipam;
import io.shoal.net.ipam.IpamResult;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.ipam.NetworkPool;
import io.shoal.net.ipam.SubnetRequest;
import io.shoal.net.ipam.VniPool;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The networking part of the cluster state, derived only from events ({@link #apply}): networks, task
 * attachments, service endpoints, node endpoints, and the overlay-net {@link Ipam} and {@link VniPool} that
 * know which subnets, addresses, VNIs and ingress ports are taken. Addresses are held from a task's attachment
 * until the task ends or is removed, a VIP until its service drops the network or is removed, and a node's
 * ingress address until the node or the network is removed.
 *
 * <p>Decisions allocate inside a {@link Scratch}, which undoes everything on close: the cluster state then
 * persists the decision and {@link #apply} reserves exactly what the events say, on the command path and on
 * replay alike. Owned by the cluster state's actor; not thread-safe.
 */
public final class NetworkLedger {
    public static final int FIRST_INGRESS_PORT = 30000;
    public static final int LAST_INGRESS_PORT = 32767;

    private final Ipam ipam = Ipam.withDefaults();
    private final VniPool vnis = new VniPool();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, List<NetworkAttachment>> taskNetworks = new LinkedHashMap<>();
    /** Tasks that ended: their attachments stay for display, their addresses are back in the pool. */
    private final Set<String> released = new HashSet<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    /** "tcp/8080" → the service publishing it in ingress mode. */
    private final Map<String, String> ingressPorts = new HashMap<>();
    /** Each node's own addresses (its ingress endpoint), held until the node or the network is removed. */
    private final Map<String, List<NetworkAttachment>> nodeNetworks = new LinkedHashMap<>();

    public void apply(ClusterEvent e) {
        if (e instanceof ClusterEvent.NetworkCreated c) {
            addNetwork(c.network());
        } else if (e instanceof ClusterEvent.NetworkRemoved r) {
            Network gone = networks.remove(r.networkId());
            if (gone != null) {
                ipam.removeNetwork(gone.id());
                vnis.release(gone.id());
                dropNodeAttachments(gone.id());
            }
        } else if (e instanceof ClusterEvent.TaskNetworksAttached a) {
            detachDropped(a.taskId(), a.attachments());
            taskNetworks.put(a.taskId(), List.copyOf(a.attachments()));
            released.remove(a.taskId());
            reserve(a.taskId(), a.attachments());
        } else if (e instanceof ClusterEvent.TaskUpdated u && u.task().status().state().isTerminal()) {
            release(u.task().id());
        } else if (e instanceof ClusterEvent.TaskRemoved r) {
            release(r.taskId());
            taskNetworks.remove(r.taskId());
            released.remove(r.taskId());
        } else if (e instanceof ClusterEvent.NodeNetworksAttached a) {
            setNodeAttachments(a.nodeId(), a.attachments());
        } else if (e instanceof ClusterEvent.NodeRemoved r) {
            setNodeAttachments(r.nodeId(), List.of());
        } else if (e instanceof ClusterEvent.ServiceEndpointAllocated a) {
            setEndpoint(a.serviceId(), a.endpoint());
        } else if (e instanceof ClusterEvent.ServiceRemoved r) {
            setEndpoint(r.serviceId(), Endpoint.NONE);
            endpoints.remove(r.serviceId());
        }
    }

    /** Rebuilds the ledger from a snapshot: addresses of tasks that are gone or ended are not held. */
    public static NetworkLedger restore(Networking n, Collection<Task> tasks) {
        NetworkLedger l = new NetworkLedger();
        n.networks().forEach(l::addNetwork);
        Map<String, Task> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        n.taskNetworks().forEach((taskId, attachments) -> {
            l.taskNetworks.put(taskId, List.copyOf(attachments));
            Task t = byId.get(taskId);
            if (t == null || t.status().state().isTerminal()) {
                l.released.add(taskId);
            } else {
                l.reserve(taskId, attachments);
            }
        });
        n.endpoints().forEach(l::setEndpoint);
        n.nodeNetworks().forEach(l::setNodeAttachments);
        return l;
    }

    public Networking snapshot() {
        return new Networking(List.copyOf(networks.values()), Map.copyOf(taskNetworks), Map.copyOf(endpoints), Map.copyOf(nodeNetworks));
    }

    public Collection<Network> networks() {
        return networks.values();
    }

    public Optional<Network> network(String id) {
        return Optional.ofNullable(networks.get(id));
    }

    public Optional<Network> ingress() {
        return networks.values().stream().filter(n -> n.spec().ingress()).findFirst();
    }

    /** The task's attachments as recorded (also after it ended). */
    public List<NetworkAttachment> attachmentsOf(String taskId) {
        return taskNetworks.getOrDefault(taskId, List.of());
    }

    /** The node's own addresses (its ingress endpoint); empty until the managers gave it one. */
    public List<NetworkAttachment> nodeAttachmentsOf(String nodeId) {
        return nodeNetworks.getOrDefault(nodeId, List.of());
    }

    public Endpoint endpointOf(String serviceId) {
        return endpoints.getOrDefault(serviceId, Endpoint.NONE);
    }

    public Map<String, Endpoint> endpoints() {
        return endpoints;
    }

    /** Tasks holding an address on the network now (ended tasks do not count). */
    public List<String> liveAttachments(String networkId) {
        return taskNetworks.entrySet().stream().filter(e -> !released.contains(e.getKey()))
                .filter(e -> e.getValue().stream().anyMatch(a -> a.networkId().equals(networkId)))
                .map(Map.Entry::getKey).toList();
    }

    /** Every allocated address of a network, by owner ("t:TASK" or "vip:SERVICE"), for checks and tests. */
    public Map<Ipv4, String> allocations(String networkId) {
        return ipam.allocations(networkId);
    }

    /** The service publishing {@code port} in ingress mode, if any. */
    public Optional<String> ingressPortOwner(String protocol, int port) {
        return Optional.ofNullable(ingressPorts.get(protocol + "/" + port));
    }

    public Scratch begin() {
        return new Scratch();
    }

    private void addNetwork(Network n) {
        networks.put(n.id(), n);
        NetworkSpec.IpamConfig pool = n.pools().get(0);
        ipam.createNetwork(n.id(), new SubnetRequest(Optional.of(pool.subnet()), Optional.ofNullable(pool.gateway()),
                Optional.ofNullable(pool.ipRange())));
        if (n.vni() != null) {
            vnis.reserve(n.id(), n.vni());
        }
    }

    private void reserve(String taskId, List<NetworkAttachment> attachments) {
        for (NetworkAttachment a : attachments) {
            for (String addr : a.addresses()) {
                ipam.reserveAddress(a.networkId(), Addresses.taskOwner(taskId), Addresses.address(addr));
            }
        }
    }

    /** A live task re-attached (its service started or stopped publishing ingress ports) frees what it left. */
    private void detachDropped(String taskId, List<NetworkAttachment> next) {
        List<NetworkAttachment> old = taskNetworks.get(taskId);
        if (old == null || released.contains(taskId)) {
            return;
        }
        for (NetworkAttachment o : old) {
            if (next.stream().noneMatch(n -> n.networkId().equals(o.networkId()))) {
                ipam.releaseAddress(o.networkId(), Addresses.taskOwner(taskId));
            }
        }
    }

    private void release(String taskId) {
        List<NetworkAttachment> attachments = taskNetworks.get(taskId);
        if (attachments == null || !released.add(taskId)) {
            return;
        }
        attachments.forEach(a -> ipam.releaseAddress(a.networkId(), Addresses.taskOwner(taskId)));
    }

    /** Replaces a node's addresses (empty: it has none), freeing those it no longer holds. */
    private void setNodeAttachments(String nodeId, List<NetworkAttachment> next) {
        for (NetworkAttachment o : nodeNetworks.getOrDefault(nodeId, List.of())) {
            if (next.stream().noneMatch(n -> n.networkId().equals(o.networkId()))) {
                ipam.releaseAddress(o.networkId(), Addresses.nodeOwner(nodeId));
            }
        }
        for (NetworkAttachment a : next) {
            for (String addr : a.addresses()) {
                ipam.reserveAddress(a.networkId(), Addresses.nodeOwner(nodeId), Addresses.address(addr));
            }
        }
        if (next.isEmpty()) {
            nodeNetworks.remove(nodeId);
        } else {
            nodeNetworks.put(nodeId, List.copyOf(next));
        }
    }

    /** A removed network takes its addresses with it (the IPAM forgot them): nodes no longer list it. */
    private void dropNodeAttachments(String networkId) {
        nodeNetworks.replaceAll((node, attachments) -> attachments.stream().filter(a -> !a.networkId().equals(networkId)).toList());
        nodeNetworks.values().removeIf(List::isEmpty);
    }

    private void setEndpoint(String serviceId, Endpoint next) {
        Endpoint old = endpoints.getOrDefault(serviceId, Endpoint.NONE);
        for (Endpoint.VirtualIp vip : old.virtualIps()) {
            if (!next.virtualIps().contains(vip)) {
                ipam.releaseAddress(vip.networkId(), Addresses.vipOwner(serviceId));
            }
        }
        for (Endpoint.VirtualIp vip : next.virtualIps()) {
            ipam.reserveAddress(vip.networkId(), Addresses.vipOwner(serviceId), Addresses.address(vip.addr()));
        }
        ingressPorts.values().removeIf(serviceId::equals);
        for (ServiceSpec.PortConfig p : next.ports()) {
            if (Ports.isIngress(p) && p.publishedPort() != null && p.publishedPort() > 0) {
                ingressPorts.put(Ports.protocol(p) + "/" + p.publishedPort(), serviceId);
            }
        }
        endpoints.put(serviceId, next);
    }

    /**
     * Allocations for one decision, all undone on {@link #close()}. Allocate only for owners that hold
     * nothing yet (a new task, a VIP on a network the service did not have): undo releases by owner.
     */
    public final class Scratch implements AutoCloseable {
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final Set<String> portsTaken = new HashSet<>();

        public IpamResult<NetworkPool> createNetwork(String id, SubnetRequest request) {
            IpamResult<NetworkPool> r = ipam.createNetwork(id, request);
            if (r.isOk()) {
                undo.push(() -> ipam.removeNetwork(id));
            }
            return r;
        }

        public IpamResult<Integer> allocateVni(String networkId) {
            IpamResult<Integer> r = vnis.allocate(networkId);
            if (r.isOk()) {
                undo.push(() -> vnis.release(networkId));
            }
            return r;
        }

        /** A network created earlier in the same batch of events, so later allocations see it. */
        public void addPending(Network n) {
            NetworkSpec.IpamConfig pool = n.pools().get(0);
            createNetwork(n.id(), new SubnetRequest(Optional.of(pool.subnet()), Optional.ofNullable(pool.gateway()),
                    Optional.ofNullable(pool.ipRange())));
        }

        public IpamResult<Ipv4> allocate(String networkId, String owner) {
            IpamResult<Ipv4> r = ipam.allocateAddress(networkId, owner);
            if (r.isOk()) {
                undo.push(() -> ipam.releaseAddress(networkId, owner));
            }
            return r;
        }

        /** An address decided earlier in the same batch of events. */
        public void reserve(String networkId, String owner, Ipv4 address) {
            if (ipam.reserveAddress(networkId, owner, address).isOk()) {
                undo.push(() -> ipam.releaseAddress(networkId, owner));
            }
        }

        /** An address given up earlier in the same batch of events (a removed node's), so others may take it. */
        public void free(String networkId, String owner, Ipv4 address) {
            if (ipam.releaseAddress(networkId, owner).isOk()) {
                undo.push(() -> ipam.reserveAddress(networkId, owner, address));
            }
        }

        /** Whether an ingress port is free for {@code serviceId} (its own ports are). */
        public boolean portFree(String protocol, int port, String serviceId) {
            String key = protocol + "/" + port;
            String owner = ingressPorts.get(key);
            return (owner == null || owner.equals(serviceId)) && !portsTaken.contains(key);
        }

        public void takePort(String protocol, int port) {
            portsTaken.add(protocol + "/" + port);
        }

        /** The lowest free ingress port of 30000-32767, as Swarm assigns them. */
        public OptionalInt nextPort(String protocol, String serviceId) {
            for (int p = FIRST_INGRESS_PORT; p <= LAST_INGRESS_PORT; p++) {
                if (portFree(protocol, p, serviceId)) {
                    return OptionalInt.of(p);
                }
            }
            return OptionalInt.empty();
        }

        @Override
        public void close() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
    }
}
