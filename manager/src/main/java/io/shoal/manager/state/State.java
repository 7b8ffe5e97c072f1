package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.manager.network.NetworkLedger;
import io.shoal.manager.network.Networking;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.shoal.manager.ca.ClusterSecurity;

/**
 * The cluster's desired and last observed state: the swarm, nodes, services and tasks, with the index of
 * the last event applied. {@link #apply} is the only way it changes, on the command path and on replay
 * alike. It is mutated in place and owned by one actor; readers get copies of the records, never the maps.
 */
public final class State {
    private Swarm swarm;
    private ClusterSecurity security;
    private long index;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private NetworkLedger networks = new NetworkLedger();

    public static State empty() {
        return new State();
    }

    public State apply(ClusterEvent e) {
        if (e instanceof ClusterEvent.SwarmInitialized s) {
            swarm = s.swarm();
        } else if (e instanceof ClusterEvent.SwarmUpdated s) {
            swarm = s.swarm();
        } else if (e instanceof ClusterEvent.NodeRegistered n) {
            nodes.put(n.node().id(), n.node());
        } else if (e instanceof ClusterEvent.NodeUpdated n) {
            nodes.put(n.node().id(), n.node());
        } else if (e instanceof ClusterEvent.ServiceCreated s) {
            services.put(s.service().id(), s.service());
        } else if (e instanceof ClusterEvent.ServiceUpdated s) {
            services.put(s.service().id(), s.service());
        } else if (e instanceof ClusterEvent.ServiceRemoved s) {
            services.remove(s.serviceId());
        } else if (e instanceof ClusterEvent.TaskCreated t) {
            tasks.put(t.task().id(), t.task());
        } else if (e instanceof ClusterEvent.TaskUpdated t) {
            tasks.put(t.task().id(), t.task());
        } else if (e instanceof ClusterEvent.TaskRemoved t) {
            tasks.remove(t.taskId());
        } else if (e instanceof ClusterEvent.SecurityUpdated u) {
            security = u.security();
            swarm = swarm == null ? null : MembershipDecisions.withTokens(swarm, security);
        } else if (e instanceof ClusterEvent.NodeRemoved n) {
            nodes.remove(n.nodeId());
        }
        networks.apply(e);
        index = Math.max(index, e.index());
        return this;
    }

    public long index() {
        return index;
    }

    public Optional<Swarm> swarm() {
        return Optional.ofNullable(swarm);
    }

    /** The cluster CA and join secrets, once the swarm is initialised. */
    public Optional<ClusterSecurity> security() {
        return Optional.ofNullable(security);
    }

    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public Collection<Service> services() {
        return Collections.unmodifiableCollection(services.values());
    }

    public Collection<Task> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public Optional<Service> serviceByName(String name) {
        return services.values().stream().filter(s -> name.equals(s.spec().name())).findFirst();
    }

    public List<Task> tasksOf(String serviceId) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (t.serviceId().equals(serviceId)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Networks and what is allocated on them (issue 7). */
    public NetworkLedger networks() {
        return networks;
    }

    /** Restores a state from a snapshot's parts, networking included. */
    static State of(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks, Networking networking) {
        State s = of(swarm, index, nodes, services, tasks);
        s.networks = NetworkLedger.restore(networking, tasks);
        return s;
    }

    /** Restores a state from a snapshot's parts. */
    static State of(Swarm swarm, long index, List<Node> nodes, List<Service> services, List<Task> tasks) {
        State s = new State();
        s.swarm = swarm;
        s.index = index;
        nodes.forEach(n -> s.nodes.put(n.id(), n));
        services.forEach(v -> s.services.put(v.id(), v));
        tasks.forEach(t -> s.tasks.put(t.id(), t));
        return s;
    }

    /** Restores a state from a snapshot: networking and the cluster security included. */
    static State of(StateSnapshot snap) {
        State s = of(snap.swarm(), snap.index(), snap.nodes(), snap.services(), snap.tasks(), snap.networking());
        s.security = snap.security();
        return s;
    }
}
