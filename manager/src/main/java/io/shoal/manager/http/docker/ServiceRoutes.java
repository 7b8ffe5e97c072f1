package io.shoal.manager.http.docker;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.error.ApiException;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /services}: create, list (filters, status), inspect, update (version, rollback), delete. */
final class ServiceRoutes extends AllDirectives {
    private static final Set<String> FILTERS = Set.of("id", "name", "label", "mode");
    private static final String REGISTRY_AUTH = "X-Registry-Auth";
    private final ClusterClient cluster;

    ServiceRoutes(ClusterClient cluster) {
        this.cluster = cluster;
    }

    Route route() {
        return pathPrefix("services", () -> concat(
                pathEnd(() -> get(() -> parameterOptional("filters", f -> parameterOptional("status", st -> list(f, st))))),
                path("create", () -> post(() -> optionalHeaderValueByName(REGISTRY_AUTH, auth ->
                        entity(Unmarshaller.entityToString(), body -> create(body, auth.orElse(null)))))),
                pathPrefix(akka.http.javadsl.server.PathMatchers.segment(), ref -> concat(
                        pathEnd(() -> concat(
                                get(() -> completeWithFuture(Responses.of(cluster.read(), s -> Views.service(Lookup.service(s, ref), s, false)))),
                                delete(() -> remove(ref)))),
                        path("update", () -> post(() -> updateRoute(ref)))))));
    }

    private Route updateRoute(String ref) {
        return parameterOptional("version", v -> parameterOptional("rollback", rb ->
                parameterOptional("registryAuthFrom", from -> optionalHeaderValueByName(REGISTRY_AUTH, auth ->
                        entity(Unmarshaller.entityToString(), body ->
                                update(ref, v, rb, new AuthSource(auth.orElse(null), from), body))))));
    }

    private Route list(Optional<String> filtersJson, Optional<String> status) {
        Filters f = Filters.parse(filtersJson.orElse(null), FILTERS);
        boolean withStatus = status.map(Boolean::parseBoolean).orElse(false);
        return completeWithFuture(Responses.of(cluster.read(), s -> {
            Lookup.requireSwarm(s);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Service v : s.services()) {
                if (matches(v, f)) {
                    out.add(Views.service(v, s, withStatus));
                }
            }
            return out;
        }));
    }

    static boolean matches(Service v, Filters f) {
        return f.any("id", p -> v.id().startsWith(p))
                && f.any("name", p -> v.spec().name().startsWith(p))
                && f.any("mode", m -> m.equals(v.spec().isGlobal() ? "global" : "replicated"))
                && f.labels(v.spec().labels(), "label");
    }

    private Route create(String body, String registryAuth) {
        ServiceSpec spec = RegistryAuth.attach(DockerJson.read(body, ServiceSpec.class), registryAuth);
        CompletionStage<Service> created = cluster.command(r -> new ClusterState.CreateService(spec, r));
        return completeWithFuture(Responses.of(created, 201, v -> JsonNodeFactory.instance.objectNode().put("ID", v.id())));
    }

    /** Where an update's registry credentials come from: the header, else the current or the previous spec. */
    private record AuthSource(String header, Optional<String> from) {}

    private Route update(String ref, Optional<String> version, Optional<String> rollback, AuthSource auth,
                         String body) {
        long v = version.map(ServiceRoutes::parseVersion)
                .orElseThrow(() -> ApiException.badRequest("the version query parameter is required: pass the service's current Version.Index"));
        boolean toPrevious = rollback.map("previous"::equals).orElse(false);
        if (rollback.isPresent() && !toPrevious) {
            throw ApiException.badRequest("invalid rollback value \"" + rollback.get() + "\": only \"previous\" is supported");
        }
        String from = auth.from().orElse(toPrevious ? "previous-spec" : "spec");
        if (!from.equals("spec") && !from.equals("previous-spec")) {
            throw ApiException.badRequest("invalid registryAuthFrom \"" + from + "\": expected spec or previous-spec");
        }
        ServiceSpec given = toPrevious && body.isBlank() ? null
                : RegistryAuth.attach(DockerJson.read(body, ServiceSpec.class), auth.header());
        boolean fromHeader = auth.header() != null && !auth.header().isBlank();
        CompletionStage<Service> updated = cluster.read().thenCompose(s -> {
            Service current = Lookup.service(s, ref);
            ServiceSpec next = toPrevious ? previous(current) : given;
            if (toPrevious && fromHeader) {
                next = RegistryAuth.attach(next, auth.header());
            } else if (!fromHeader) { // as dockerd: credentials not given again are kept
                next = RegistryAuth.with(next, RegistryAuth.of(from.equals("spec") ? current.spec() : current.previousSpec()));
            }
            ServiceSpec chosen = next;
            return cluster.command(r -> new ClusterState.UpdateService(current.id(), v, chosen, r));
        });
        return completeWithFuture(Responses.of(updated, x -> JsonNodeFactory.instance.objectNode().set("Warnings", JsonNodeFactory.instance.arrayNode())));
    }

    private static ServiceSpec previous(Service s) {
        if (s.previousSpec() == null) {
            throw ApiException.badRequest("service " + s.spec().name() + " does not have a previous spec");
        }
        return s.previousSpec();
    }

    private Route remove(String ref) {
        CompletionStage<Service> removed = cluster.read().thenCompose(s -> {
            Service v = Lookup.service(s, ref);
            return cluster.command(r -> new ClusterState.RemoveService(v.id(), r));
        });
        return completeWithFuture(Responses.of(removed, x -> null));
    }

    static long parseVersion(String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid version \"" + v + "\": expected a non-negative integer");
        }
    }

}
