package io.shoal.worker.http;

import io.shoal.api.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Docker's API promises about the order of things and the engine does not see: a {@code wait} or an
 * {@code attach} made before {@code start} belongs to the run that start begins, {@code wait?condition=removed}
 * ends at removal, and {@code --rm} must not remove a container before its attached clients have its output.
 * Every start and removal through this API is reported here; register interest before reading the state.
 */
final class ContainerEvents {
    private final Map<String, CompletableFuture<Void>> nextStart = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> removal = new ConcurrentHashMap<>();
    private final Map<String, Set<CompletableFuture<Void>>> attached = new ConcurrentHashMap<>();

    /** Completes when the container is next started (or its start fails); fails if it is removed first. */
    CompletableFuture<Void> nextStart(String id) {
        return nextStart.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    CompletableFuture<Void> removal(String id) {
        return removal.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    void started(String id) {
        CompletableFuture<Void> f = nextStart.remove(id);
        if (f != null) {
            f.complete(null);
        }
    }

    void removed(String id) {
        CompletableFuture<Void> start = nextStart.remove(id);
        if (start != null) {
            start.completeExceptionally(ApiException.notFound("No such container: " + id));
        }
        CompletableFuture<Void> gone = removal.remove(id);
        if (gone != null) {
            gone.complete(null);
        }
    }

    /** A client attached to the container's output; complete the returned future when it has had all of it. */
    CompletableFuture<Void> attach(String id) {
        CompletableFuture<Void> session = new CompletableFuture<>();
        attached.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(session);
        session.whenComplete((v, e) -> attached.getOrDefault(id, Set.of()).remove(session));
        return session;
    }

    /** Completes when every client attached right now has had the container's output. */
    CompletableFuture<Void> attachmentsDone(String id) {
        List<CompletableFuture<Void>> now = List.copyOf(attached.getOrDefault(id, Set.of()));
        return CompletableFuture.allOf(now.toArray(CompletableFuture[]::new));
    }
}
