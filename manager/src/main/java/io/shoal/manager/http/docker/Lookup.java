package io.shoal.manager.http.docker;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.error.ApiException;
import io.shoal.manager.state.StateSnapshot;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Finds an object the way dockerd does: by full id, then by name, then by a unique id prefix. */
public final class Lookup {
    private Lookup() {}

    /** Swarm objects exist only in a swarm: dockerd answers 503 before {@code swarm init}. */
    public static StateSnapshot requireSwarm(StateSnapshot s) {
        if (s.swarm() == null) {
            throw new ApiException(503, "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
        }
        return s;
    }

    public static Service service(StateSnapshot s, String ref) {
        requireSwarm(s);
        return find("service", ref, s.services(), Service::id, v -> ref.equals(v.spec().name()));
    }

    public static Node node(StateSnapshot s, String ref) {
        requireSwarm(s);
        return find("node", ref, s.nodes(), Node::id, n -> ref.equals(n.spec().name())
                || n.description() != null && ref.equals(n.description().hostname()));
    }

    public static io.shoal.api.model.Network network(StateSnapshot s, String ref) {
        requireSwarm(s);
        return find("network", ref, s.networking().networks(), io.shoal.api.model.Network::id, n -> ref.equals(n.spec().name()));
    }

    public static Task task(StateSnapshot s, String ref) {
        requireSwarm(s);
        return find("task", ref, s.tasks(), Task::id, t -> false);
    }

    private static <T> T find(String kind, String ref, List<T> all, Function<T, String> id, Predicate<T> byName) {
        if (ref == null || ref.isEmpty()) {
            throw ApiException.notFound(kind + " not found: empty reference");
        }
        for (T t : all) {
            if (id.apply(t).equals(ref)) {
                return t;
            }
        }
        List<T> named = all.stream().filter(byName).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw ApiException.badRequest(kind + " " + ref + " is ambiguous (" + named.size() + " matches found)");
        }
        List<T> prefixed = all.stream().filter(t -> id.apply(t).startsWith(ref)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.size() > 1) {
            throw ApiException.badRequest(kind + " " + ref + " is ambiguous (" + prefixed.size() + " matches found)");
        }
        throw ApiException.notFound(kind + " " + ref + " not found");
    }
}
