package io.shoal.net.host;

import io.shoal.net.plan.NetnsName;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Named network namespaces (for tests and for tasks whose runtime does not make its own). */
public interface Netns {

    void create(NetnsName name);

    /**
     * Starts creating the namespace and returns at once; the future completes when it exists, or with why not (as
     * {@link #create} would throw). The default creates it on {@code executor}; an adapter that already hands the
     * work to a thread of its own starts it there directly, saving a hand-over.
     */
    default CompletableFuture<Void> createAsync(NetnsName name, Executor executor) {
        return CompletableFuture.runAsync(() -> create(name), executor);
    }

    /** Idempotent: deleting a missing namespace is fine. */
    void delete(NetnsName name);

    Set<NetnsName> list();
}
