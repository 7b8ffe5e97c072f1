package io.shoal.manager.http.docker;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shoal.api.model.Node;
import io.shoal.api.error.ApiException;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /nodes}: list (filters), inspect, update (labels, availability, role) with the version index. */
final class NodeRoutes extends AllDirectives {
    private static final Set<String> FILTERS = Set.of("id", "label", "node.label", "membership", "name", "role");
    private final ClusterClient cluster;

    NodeRoutes(ClusterClient cluster) {
        this.cluster = cluster;
    }

    Route route() {
        return pathPrefix("nodes", () -> concat(
                pathEnd(() -> get(() -> parameterOptional("filters", this::list))),
                pathPrefix(akka.http.javadsl.server.PathMatchers.segment(), ref -> concat(
                        pathEnd(() -> concat(
                                get(() -> completeWithFuture(Responses.of(cluster.read(), s -> Views.node(Lookup.node(s, ref))))),
                                delete(() -> parameterOptional("force", force -> remove(ref, force.map(Boolean::parseBoolean).orElse(false)))))),
                        path("update", () -> post(() -> parameterOptional("version",
                                v -> entity(Unmarshaller.entityToString(), body -> update(ref, v, body)))))))));
    }

    private Route list(Optional<String> filtersJson) {
        Filters f = Filters.parse(filtersJson.orElse(null), FILTERS);
        return completeWithFuture(Responses.of(cluster.read(), s -> {
            Lookup.requireSwarm(s);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Node n : s.nodes()) {
                boolean keep = f.any("id", p -> n.id().startsWith(p))
                        && f.any("role", r -> r.equals(n.spec().role()))
                        && f.any("membership", m -> m.equals("accepted"))
                        && f.any("name", p -> n.description() != null && n.description().hostname().startsWith(p))
                        && f.labels(n.spec().labels(), "node.label")
                        && f.labels(n.description() == null || n.description().engine() == null ? null : n.description().engine().labels(), "label");
                if (keep) {
                    out.add(Views.node(n));
                }
            }
            return out;
        }));
    }

    /** {@code DELETE /nodes/{id}?force=}: see {@link io.shoal.manager.state.MembershipDecisions#removeNode}. */
    private Route remove(String ref, boolean force) {
        CompletionStage<Node> removed = cluster.read().thenCompose(s -> {
            Node n = Lookup.node(s, ref);
            return cluster.command(r -> new ClusterState.RemoveNode(n.id(), force, r));
        });
        return completeWithFuture(Responses.of(removed, x -> null));
    }

    private Route update(String ref, Optional<String> version, String body) {
        long v = version.map(ServiceRoutes::parseVersion)
                .orElseThrow(() -> ApiException.badRequest("the version query parameter is required: pass the node's current Version.Index"));
        Node.Spec spec = DockerJson.read(body, Node.Spec.class);
        CompletionStage<Node> updated = cluster.read().thenCompose(s -> {
            Node n = Lookup.node(s, ref);
            return cluster.command(r -> new ClusterState.UpdateNode(n.id(), v, spec, r));
        });
        return completeWithFuture(Responses.of(updated, x -> null));
    }
}
