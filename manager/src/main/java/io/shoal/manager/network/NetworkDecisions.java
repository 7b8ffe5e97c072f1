package io.shoal.manager.network;

import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.Version;
import io.shoal.api.validate.NetworkValidator;
import io.shoal.api.validate.Violation;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.Decision;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.IpamResult;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.ipam.NetworkPool;
import io.shoal.net.ipam.SubnetRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Network commands as pure functions of the state: create (validated, name unique, subnet from the user or
 * the default pool without overlap, a VNI for overlays), remove (refused while anything uses the network),
 * prune, and the {@code ingress} network every swarm starts with.
 */
public final class NetworkDecisions {
    public static final String INGRESS = "ingress";
    /** Swarm's ingress subnet. */
    public static final String INGRESS_SUBNET = "10.0.0.0/24";
    static final String NOT_A_SWARM = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.";

    private final Clock clock;
    private final IdGenerator ids;

    public NetworkDecisions(Clock clock, IdGenerator ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Decision<Network> create(State s, NetworkSpec given) {
        if (s.swarm().isEmpty()) {
            return Decision.rejected(Result.Reason.NOT_A_SWARM, NOT_A_SWARM);
        }
        return create(s, given, s.index() + 1);
    }

    /** After {@code swarm init}: the same events plus the ingress network, as Swarm creates it. */
    public Decision<Swarm> withIngress(State s, Decision<Swarm> init) {
        if (!(init.result() instanceof Result.Ok<Swarm>) || s.networks().ingress().isPresent()) {
            return init;
        }
        NetworkSpec spec = new NetworkSpec(INGRESS, NetworkSpec.OVERLAY, null, null, false, false, true,
                new NetworkSpec.Ipam("default", List.of(new NetworkSpec.IpamConfig(INGRESS_SUBNET, null, null)), null));
        long index = init.events().stream().mapToLong(ClusterEvent::index).max().orElse(s.index()) + 1;
        Decision<Network> ingress = create(s, spec, index);
        if (!(ingress.result() instanceof Result.Ok<Network>)) {
            return init;
        }
        List<ClusterEvent> events = new ArrayList<>(init.events());
        events.addAll(ingress.events());
        return new Decision<>(events, init.result(), init.logFormat(), init.logArgs());
    }

    private Decision<Network> create(State s, NetworkSpec given, long index) {
        NetworkSpec spec = normalized(given);
        List<Violation> v = NetworkValidator.validate(spec);
        if (!v.isEmpty()) {
            return Decision.rejected(Result.Reason.INVALID, "invalid network spec: "
                    + v.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        if (NetworkValidator.PREDEFINED.contains(spec.name())) {
            return Decision.rejected(Result.Reason.FORBIDDEN, spec.name() + " is a pre-defined network and cannot be created");
        }
        if (s.networks().networks().stream().anyMatch(n -> n.spec().name().equals(spec.name()))) {
            return Decision.rejected(Result.Reason.CONFLICT, "network with name " + spec.name() + " already exists");
        }
        if (spec.ingress() && s.networks().ingress().isPresent()) {
            return Decision.rejected(Result.Reason.FORBIDDEN, "ingress network already exists: "
                    + s.networks().ingress().get().spec().name() + " (" + s.networks().ingress().get().id() + ")");
        }
        NetworkSpec.IpamConfig wanted = spec.requestedPool();
        Optional<String> clash = overlapping(s, wanted);
        if (clash.isPresent()) {
            return Decision.rejected(Result.Reason.FORBIDDEN, clash.get());
        }
        String id = ids.next();
        try (NetworkLedger.Scratch x = s.networks().begin()) {
            SubnetRequest request = wanted == null ? SubnetRequest.fromPool()
                    : new SubnetRequest(blank(wanted.subnet()), blank(wanted.gateway()), blank(wanted.ipRange()));
            IpamResult<NetworkPool> pool = x.createNetwork(id, request);
            if (pool instanceof IpamResult.Refused<NetworkPool> no) {
                return Decision.rejected(Result.Reason.INVALID, "IPAM.Config[0]: " + no.error().detail() + hostBitsHint(wanted));
            }
            NetworkPool p = pool.orElseThrow();
            Integer vni = null;
            if (NetworkSpec.OVERLAY.equals(spec.driver())) {
                IpamResult<Integer> allocated = x.allocateVni(id);
                if (allocated instanceof IpamResult.Refused<Integer> no) {
                    return Decision.rejected(Result.Reason.FORBIDDEN, "no VXLAN id left for network " + spec.name() + ": " + no.error().detail());
                }
                vni = allocated.orElseThrow();
            }
            Instant now = clock.instant();
            NetworkSpec.IpamConfig recorded = new NetworkSpec.IpamConfig(p.subnet().toString(), p.gateway().toString(),
                    p.range().equals(p.subnet()) ? null : p.range().toString());
            Network created = new Network(id, new Version(index), now, now, spec, List.of(recorded), vni);
            return Decision.of(List.of(new ClusterEvent.NetworkCreated(created)), created,
                    "network created network.id={} name={} driver={} subnet={} vni={}", id, spec.name(), spec.driver(), p.subnet(), vni);
        }
    }

    public Decision<Network> remove(State s, String networkId) {
        Network n = s.networks().network(networkId).orElse(null);
        if (n == null) {
            return Decision.rejected(Result.Reason.NOT_FOUND, "network " + networkId + " not found");
        }
        Optional<String> user = userOf(s, n);
        if (user.isPresent()) {
            return Decision.rejected(Result.Reason.FORBIDDEN, "error while removing network: network " + n.spec().name()
                    + " id " + n.id() + " has active endpoints (" + user.get() + ")");
        }
        return Decision.of(List.of(new ClusterEvent.NetworkRemoved(n.id(), s.index() + 1)), n,
                "network removed network.id={} name={}", n.id(), n.spec().name());
    }

    /** Removes every network nothing uses, except ingress (as {@code docker network prune}); answers their names. */
    public Decision<List<String>> prune(State s, Predicate<Network> selected) {
        long index = s.index();
        List<ClusterEvent> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Network n : s.networks().networks()) {
            if (!n.spec().ingress() && selected.test(n) && userOf(s, n).isEmpty()) {
                events.add(new ClusterEvent.NetworkRemoved(n.id(), ++index));
                names.add(n.spec().name());
            }
        }
        return Decision.of(events, names, events.isEmpty() ? null : "networks pruned count={} names={}", names.size(), names);
    }

    /** What still uses the network: a service's spec or VIP, or a live task's address; empty when unused. */
    static Optional<String> userOf(State s, Network n) {
        for (Service v : s.services()) {
            List<TaskSpec.NetworkAttachmentConfig> targets = v.spec().taskTemplate() == null ? null : v.spec().taskTemplate().networks();
            boolean inSpec = targets != null && targets.stream().anyMatch(t -> n.id().equals(t.target()));
            boolean hasVip = s.networks().endpointOf(v.id()).virtualIps().stream().anyMatch(vip -> vip.networkId().equals(n.id()));
            if (inSpec || hasVip) {
                return Optional.of("service " + v.spec().name());
            }
        }
        List<String> tasks = s.networks().liveAttachments(n.id());
        return tasks.isEmpty() ? Optional.empty() : Optional.of("task " + tasks.get(0));
    }

    /** A clear refusal naming the network whose subnet overlaps the one asked for. */
    private static Optional<String> overlapping(State s, NetworkSpec.IpamConfig wanted) {
        if (wanted == null || wanted.subnet() == null) {
            return Optional.empty();
        }
        Optional<Cidr> asked = Cidr.parse(wanted.subnet());
        if (asked.isEmpty()) {
            return Optional.empty(); // malformed: the IPAM refuses it with the reason
        }
        for (Network n : s.networks().networks()) {
            Cidr theirs = Cidr.of(n.pools().get(0).subnet());
            if (theirs.overlaps(asked.get())) {
                return Optional.of("invalid pool request: Pool overlaps with other one on this address space: subnet "
                        + wanted.subnet() + " overlaps with network " + n.spec().name() + " (" + n.id() + ", subnet " + theirs + ")");
            }
        }
        return Optional.empty();
    }

    /** Docker's hint for {@code 10.1.0.1/16}: the subnet it should be. */
    static String hostBitsHint(NetworkSpec.IpamConfig wanted) {
        if (wanted == null || wanted.subnet() == null) {
            return "";
        }
        int slash = wanted.subnet().indexOf('/');
        Optional<Ipv4> address = slash < 0 ? Optional.empty() : Ipv4.parse(wanted.subnet().substring(0, slash));
        if (address.isEmpty() || !wanted.subnet().substring(slash + 1).matches("\\d{1,2}")) {
            return "";
        }
        int prefix = Integer.parseInt(wanted.subnet().substring(slash + 1));
        if (prefix > 32) {
            return "";
        }
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        Ipv4 network = new Ipv4(address.get().bits() & mask);
        return network.equals(address.get()) ? "" : " (it has host bits set: it should be " + network + "/" + prefix + ")";
    }

    private static NetworkSpec normalized(NetworkSpec s) {
        NetworkSpec.Ipam ipam = s.ipam() == null ? new NetworkSpec.Ipam("default", null, null)
                : new NetworkSpec.Ipam(s.ipam().driver() == null || s.ipam().driver().isEmpty() ? "default" : s.ipam().driver(),
                        s.ipam().config() == null || s.ipam().config().isEmpty() ? null : s.ipam().config(), empty(s.ipam().options()));
        return new NetworkSpec(s.name(), s.driverOrDefault(), empty(s.labels()), empty(s.options()), s.internal(),
                s.attachable(), s.ingress(), ipam);
    }

    private static Map<String, String> empty(Map<String, String> m) {
        return m == null || m.isEmpty() ? null : Map.copyOf(m);
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
