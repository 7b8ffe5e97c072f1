package io.shoal.manager.http.docker;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.validate.NetworkValidator;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code /networks}: create, list (filters name, id, driver, label, scope, type), inspect by id, name or id
 * prefix, delete (refused with 403 while anything uses the network) and prune. Only swarm-scoped networks
 * exist on a manager; container connect/disconnect belongs to the node engine.
 */
final class NetworkRoutes extends AllDirectives {
    private static final Set<String> LIST_FILTERS = Set.of("name", "id", "driver", "label", "scope", "type");
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "until");
    private final ClusterClient cluster;

    NetworkRoutes(ClusterClient cluster) {
        this.cluster = cluster;
    }

    Route route() {
        return pathPrefix("networks", () -> concat(
                pathEnd(() -> get(() -> parameterOptional("filters", this::list))),
                path("create", () -> post(() -> entity(Unmarshaller.entityToString(), this::create))),
                path("prune", () -> post(() -> parameterOptional("filters", this::prune))),
                pathPrefix(PathMatchers.segment(), ref -> concat(
                        pathEnd(() -> concat(
                                get(() -> completeWithFuture(Responses.of(cluster.read(), s -> NetworkViews.network(Lookup.network(s, ref))))),
                                delete(() -> remove(ref)))),
                        path(PathMatchers.segment(), action -> post(() -> connect(ref, action)))))));
    }

    /** Containers joining networks are the node engine's; on a manager the swarm attaches tasks, not containers. */
    private Route connect(String ref, String action) {
        if (!action.equals("connect") && !action.equals("disconnect")) {
            return reject();
        }
        return complete(Responses.error(501, "network " + action + " " + ref + ": standalone containers cannot join swarm "
                + "networks on Shoal yet; attach services with --network"));
    }

    private Route list(Optional<String> filtersJson) {
        Filters f = Filters.parse(filtersJson.orElse(null), LIST_FILTERS);
        Predicate<Network> keep = listFilter(f);
        return completeWithFuture(Responses.of(cluster.read(), s -> {
            Lookup.requireSwarm(s);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            s.networking().networks().stream().filter(keep).forEach(n -> out.add(NetworkViews.network(n)));
            return out;
        }));
    }

    /** dockerd's network filters: name and id match as regular expressions (so substrings and prefixes), the rest exactly. */
    static Predicate<Network> listFilter(Filters f) {
        for (String t : f.get("type")) {
            if (!t.equals("custom") && !t.equals("builtin")) {
                throw ApiException.badRequest("invalid filter: 'type' must be one of builtin, custom: \"" + t + "\"");
            }
        }
        List<Pattern> names = patterns(f, "name");
        List<Pattern> ids = patterns(f, "id");
        return n -> (names.isEmpty() || names.stream().anyMatch(p -> p.matcher(n.spec().name()).find()))
                && (ids.isEmpty() || ids.stream().anyMatch(p -> p.matcher(n.id()).find()))
                && f.any("driver", d -> d.equals(n.spec().driver()))
                && f.any("scope", sc -> sc.equals("swarm"))
                && f.any("type", t -> t.equals(NetworkValidator.PREDEFINED.contains(n.spec().name()) ? "builtin" : "custom"))
                && f.labels(n.spec().labels(), "label");
    }

    private static List<Pattern> patterns(Filters f, String key) {
        return f.get(key).stream().map(v -> {
            try {
                return Pattern.compile(v);
            } catch (PatternSyntaxException e) {
                throw ApiException.badRequest("invalid filter '" + key + "': not a regular expression: " + v);
            }
        }).toList();
    }

    private Route create(String body) {
        NetworkSpec spec = DockerJson.read(body, NetworkCreateRequest.class).toSpec();
        CompletionStage<Network> created = cluster.command(r -> new ClusterState.CreateNetwork(spec, r));
        return completeWithFuture(Responses.of(created, 201, n -> JsonNodeFactory.instance.objectNode().put("Id", n.id()).put("Warning", "")));
    }

    private Route remove(String ref) {
        CompletionStage<Network> removed = cluster.read().thenCompose(s -> {
            Network n = Lookup.network(s, ref);
            return cluster.command(r -> new ClusterState.RemoveNetwork(n.id(), r));
        });
        return completeWithFuture(Responses.of(removed, 204, x -> null));
    }

    private Route prune(Optional<String> filtersJson) {
        Filters f = Filters.parse(filtersJson.orElse(null), PRUNE_FILTERS);
        java.time.Instant until = f.get("until").stream().findFirst().map(NetworkRoutes::until).orElse(null);
        Predicate<Network> selected = n -> (until == null || n.createdAt().isBefore(until)) && f.labels(n.spec().labels(), "label");
        CompletionStage<List<String>> pruned = cluster.read().thenCompose(s -> {
            Lookup.requireSwarm(s);
            return cluster.command(r -> new ClusterState.PruneNetworks(selected, r));
        });
        return completeWithFuture(Responses.of(pruned, names -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set("NetworksDeleted", DockerJson.tree(names));
            return o;
        }));
    }

    /** {@code until}: a timestamp (RFC 3339 or Unix seconds) or a duration before now ({@code 24h}, {@code 30m}). */
    static java.time.Instant until(String v) {
        try {
            if (v.matches("\\d+(\\.\\d+)?")) {
                return java.time.Instant.ofEpochSecond((long) Double.parseDouble(v));
            }
            if (v.matches("\\d+[hms]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                java.time.temporal.ChronoUnit unit = switch (v.charAt(v.length() - 1)) {
                    case 'h' -> java.time.temporal.ChronoUnit.HOURS;
                    case 'm' -> java.time.temporal.ChronoUnit.MINUTES;
                    default -> java.time.temporal.ChronoUnit.SECONDS;
                };
                return java.time.Instant.now().minus(n, unit);
            }
            return java.time.Instant.parse(v);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid filter 'until': \"" + v + "\" is neither a timestamp nor a duration such as 24h");
        }
    }
}
