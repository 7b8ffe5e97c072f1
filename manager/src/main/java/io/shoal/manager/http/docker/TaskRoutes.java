package io.shoal.manager.http.docker;

import io.shoal.api.error.ApiException;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.StateSnapshot;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /tasks} (with Docker's filters) and {@code /tasks/{id}}. */
final class TaskRoutes extends AllDirectives {
    private static final Set<String> FILTERS = Set.of("id", "name", "service", "node", "desired-state", "label");
    private final ClusterClient cluster;

    TaskRoutes(ClusterClient cluster) {
        this.cluster = cluster;
    }

    Route route() {
        return pathPrefix("tasks", () -> concat(
                pathEnd(() -> get(() -> parameterOptional("filters", this::list))),
                path(akka.http.javadsl.server.PathMatchers.segment(), id -> get(() -> completeWithFuture(Responses.of(cluster.read(), s -> Views.task(Lookup.task(s, id), s)))))));
    }

    private Route list(Optional<String> filtersJson) {
        Filters f = Filters.parse(filtersJson.orElse(null), FILTERS);
        return completeWithFuture(Responses.of(cluster.read(), s -> {
            Lookup.requireSwarm(s);
            Predicate<Task> keep = filter(s, f);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            s.tasks().stream().filter(keep).forEach(t -> out.add(Views.task(t, s)));
            return out;
        }));
    }

    /** Services and nodes in filters may be named by id, name or prefix, as dockerd resolves them. */
    private static Predicate<Task> filter(StateSnapshot s, Filters f) {
        Set<String> services = f.has("service") ? resolve(f, "service", ref -> Lookup.service(s, ref).id()) : null;
        Set<String> nodes = f.has("node") ? resolve(f, "node", ref -> Lookup.node(s, ref).id()) : null;
        return t -> (services == null || services.contains(t.serviceId()))
                && (nodes == null || nodes.contains(t.nodeId()))
                && f.any("id", p -> t.id().startsWith(p))
                && f.any("desired-state", d -> d.equals(t.desiredState().dockerName())
                        || "running".equals(d) && t.desiredState().dockerName().equals("running"))
                && f.any("name", n -> n.equals(name(s, t)))
                && f.labels(t.spec().containerSpec() == null ? null : t.spec().containerSpec().labels(), "label");
    }

    private static Set<String> resolve(Filters f, String key, java.util.function.Function<String, String> lookup) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String ref : f.get(key)) {
            try {
                ids.add(lookup.apply(ref));
            } catch (io.shoal.api.error.ApiException notFound) {
                // dockerd answers an empty list for a filter naming nothing
            }
        }
        return ids;
    }

    private static String name(StateSnapshot s, Task t) {
        String service = s.services().stream().filter(v -> v.id().equals(t.serviceId())).map(Service::spec)
                .map(sp -> sp.name()).findFirst().orElse(t.serviceId());
        return service + "." + (t.slot() != null ? t.slot() : t.nodeId()) + "." + t.id();
    }

}
