package io.shoal.manager.network;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.TaskSpec;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.Decision;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.net.ipam.IpamResult;
import io.shoal.net.ipam.Ipv4;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service's networks and endpoint, decided with its create or update: network targets (name, id or id
 * prefix) resolved to ids, published ports checked and assigned (ingress ports from 30000-32767 when 0), and
 * one virtual IP per network in {@code vip} mode, the ingress network included when it publishes ingress
 * ports. Existing VIPs and ports are kept. Pure but for the ledger's {@link NetworkLedger.Scratch}.
 */
public final class ServiceEndpoints {
    private ServiceEndpoints() {}

    /** The service decision with targets resolved and a {@link ClusterEvent.ServiceEndpointAllocated} when it changed. */
    public static Decision<Service> decide(State s, Decision<Service> d) {
        if (!(d.result() instanceof Result.Ok<Service>)) {
            return d;
        }
        List<ClusterEvent> events = new ArrayList<>(d.events());
        for (int i = 0; i < events.size(); i++) {
            Service before = service(events.get(i));
            if (before == null) {
                continue;
            }
            Service service;
            try {
                service = resolved(s, before);
            } catch (Refusal r) {
                return Decision.rejected(r.reason, r.getMessage());
            }
            events.set(i, events.get(i) instanceof ClusterEvent.ServiceCreated ? new ClusterEvent.ServiceCreated(service)
                    : new ClusterEvent.ServiceUpdated(service));
            Endpoint old = s.networks().endpointOf(service.id());
            try (NetworkLedger.Scratch x = s.networks().begin()) {
                Endpoint next = endpoint(s, service, old, x);
                long index = events.stream().mapToLong(ClusterEvent::index).max().orElse(s.index());
                if (!next.equals(old)) {
                    events.add(new ClusterEvent.ServiceEndpointAllocated(service.id(), next, ++index));
                }
                if (publishesIngress(old) != publishesIngress(next)) {
                    events.addAll(IngressAttachments.reattach(s, service.id(), publishesIngress(next), x, index));
                }
            } catch (Refusal r) {
                return Decision.rejected(r.reason, r.getMessage());
            }
            return new Decision<>(events, Result.ok(service), d.logFormat(), d.logArgs());
        }
        return d;
    }

    static boolean publishesIngress(Endpoint e) {
        return e.ports().stream().anyMatch(Ports::isIngress);
    }

    private static Service service(ClusterEvent e) {
        if (e instanceof ClusterEvent.ServiceCreated c) {
            return c.service();
        }
        return e instanceof ClusterEvent.ServiceUpdated u ? u.service() : null;
    }

    /** Network targets as ids; unknown, ingress and repeated targets are refused with their field path. */
    static Service resolved(State s, Service v) {
        TaskSpec t = v.spec().taskTemplate();
        if (t == null || t.networks() == null || t.networks().isEmpty()) {
            return v;
        }
        List<TaskSpec.NetworkAttachmentConfig> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.networks().size(); i++) {
            TaskSpec.NetworkAttachmentConfig c = t.networks().get(i);
            String field = "TaskTemplate.Networks[" + i + "].Target";
            Network n = find(s, c.target(), field);
            if (n.spec().ingress()) {
                throw new Refusal(Result.Reason.INVALID, field + ": service cannot be explicitly attached to the ingress network \"" + n.spec().name() + "\"");
            }
            if (!seen.add(n.id())) {
                throw new Refusal(Result.Reason.INVALID, field + ": network " + c.target() + " is attached more than once");
            }
            out.add(new TaskSpec.NetworkAttachmentConfig(n.id(), c.aliases() == null || c.aliases().isEmpty() ? null : c.aliases(), c.driverOpts()));
        }
        TaskSpec r = new TaskSpec(t.containerSpec(), t.resources(), t.restartPolicy(), t.placement(), out, t.logDriver(),
                t.forceUpdate(), t.runtime());
        return new Service(v.id(), v.version(), v.createdAt(), v.updatedAt(), v.spec().withTaskTemplate(r), v.previousSpec());
    }

    private static Network find(State s, String ref, String field) {
        if (ref == null || ref.isEmpty()) {
            throw new Refusal(Result.Reason.INVALID, field + ": network target must be provided");
        }
        Optional<Network> byId = s.networks().network(ref);
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Network> byName = s.networks().networks().stream().filter(n -> ref.equals(n.spec().name())).toList();
        List<Network> matches = byName.isEmpty() ? s.networks().networks().stream().filter(n -> n.id().startsWith(ref)).toList() : byName;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new Refusal(Result.Reason.NOT_FOUND, field + ": network " + ref + " not found");
        }
        throw new Refusal(Result.Reason.INVALID, field + ": network " + ref + " is ambiguous (" + matches.size() + " matches found)");
    }

    static Endpoint endpoint(State s, Service v, Endpoint old, NetworkLedger.Scratch x) {
        ServiceSpec.EndpointSpec spec = v.spec().endpointSpec();
        List<ServiceSpec.PortConfig> ports = ports(s, v, spec == null || spec.ports() == null ? List.of() : spec.ports(), old, x);
        boolean vip = spec == null || spec.mode() == null || spec.mode().isEmpty() || "vip".equals(spec.mode());
        List<String> networks = new ArrayList<>();
        if (ports.stream().anyMatch(Ports::isIngress)) {
            Network ingress = s.networks().ingress().orElseThrow(() -> new Refusal(Result.Reason.INVALID,
                    "EndpointSpec.Ports: service needs ingress network, but no ingress network is present (create one: docker network create -d overlay --ingress ingress)"));
            networks.add(ingress.id());
        }
        List<TaskSpec.NetworkAttachmentConfig> targets = v.spec().taskTemplate().networks();
        if (targets != null) {
            targets.forEach(t -> networks.add(t.target()));
        }
        List<Endpoint.VirtualIp> vips = new ArrayList<>();
        if (vip) {
            for (String networkId : networks) {
                Optional<Endpoint.VirtualIp> kept = old.virtualIps().stream().filter(p -> p.networkId().equals(networkId)).findFirst();
                if (kept.isPresent()) {
                    vips.add(kept.get());
                    continue;
                }
                Network n = s.networks().network(networkId).orElseThrow();
                IpamResult<Ipv4> a = x.allocate(networkId, Addresses.vipOwner(v.id()));
                if (a instanceof IpamResult.Refused<Ipv4> no) {
                    throw new Refusal(Result.Reason.INVALID, "no virtual IP left on network " + n.spec().name() + ": " + no.error().detail());
                }
                vips.add(new Endpoint.VirtualIp(networkId, Addresses.cidr(a.orElseThrow(), n.prefixLength())));
            }
        }
        return new Endpoint(ports, vips);
    }

    /** Ports with defaults filled in and ingress ports assigned; a port another service publishes is refused. */
    static List<ServiceSpec.PortConfig> ports(State s, Service v, List<ServiceSpec.PortConfig> asked, Endpoint old, NetworkLedger.Scratch x) {
        List<ServiceSpec.PortConfig> out = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            ServiceSpec.PortConfig p = asked.get(i);
            String protocol = Ports.protocol(p);
            String mode = Ports.mode(p);
            String field = "EndpointSpec.Ports[" + i + "].PublishedPort";
            int published = p.publishedPort() == null ? 0 : p.publishedPort();
            if ("ingress".equals(mode)) {
                if (published == 0) {
                    published = previous(old, protocol, p.targetPort()).orElseGet(() -> x.nextPort(protocol, v.id()).orElseThrow(() ->
                            new Refusal(Result.Reason.INVALID, field + ": no free port left in 30000-32767")));
                }
                if (!x.portFree(protocol, published, v.id())) {
                    throw new Refusal(Result.Reason.INVALID, field + ": port '" + published + "' is already in use by "
                            + usedBy(s, protocol, published, v.id()) + " as an ingress port");
                }
                x.takePort(protocol, published);
            }
            out.add(new ServiceSpec.PortConfig(p.name(), protocol, p.targetPort(), published, mode));
        }
        return out;
    }

    private static String usedBy(State s, String protocol, int port, String serviceId) {
        return s.networks().ingressPortOwner(protocol, port).filter(o -> !o.equals(serviceId))
                .map(o -> "service '" + s.service(o).map(q -> q.spec().name()).orElse(o) + "' (" + o + ")")
                .orElse("another port of this service");
    }

    /** The port this service was given before for the same target, so an update keeps it. */
    private static Optional<Integer> previous(Endpoint old, String protocol, Integer target) {
        return old.ports().stream().filter(p -> Ports.isIngress(p) && protocol.equals(Ports.protocol(p))
                        && java.util.Objects.equals(target, p.targetPort()) && p.publishedPort() != null && p.publishedPort() > 0)
                .map(ServiceSpec.PortConfig::publishedPort).findFirst();
    }

    /** A refusal inside the decision, turned into a rejected {@link Decision} at its top. */
    static final class Refusal extends RuntimeException {
        final Result.Reason reason;

        Refusal(Result.Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
