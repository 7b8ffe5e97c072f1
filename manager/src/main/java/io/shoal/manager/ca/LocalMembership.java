package io.shoal.manager.ca;

import io.shoal.api.error.ApiException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What this daemon does on its own side of joining and leaving ({@code POST /swarm/join}, {@code /swarm/leave},
 * and the local certificate after {@code swarm init}): store or drop its identity and restart its cluster
 * membership. Implemented by the deploy layer, which owns the files and the actor system.
 */
public interface LocalMembership {

    /** The body of {@code POST /swarm/join}. */
    record JoinSpec(List<String> remoteAddrs, String joinToken, String listenAddr, String advertiseAddr) {}

    /** This node joins the swarm one of {@code spec.remoteAddrs()} manages. */
    CompletionStage<Void> join(JoinSpec spec);

    /** This node leaves its swarm; a manager only with {@code force}. */
    CompletionStage<Void> leave(boolean force);

    /** The swarm was initialised on this node with {@code security}: take a manager certificate from it. */
    CompletionStage<Void> initialized(String clusterId, ClusterSecurity security);

    /** For daemons wired without multi-host support (tests of the HTTP layer). */
    LocalMembership UNSUPPORTED = new LocalMembership() {
        @Override
        public CompletionStage<Void> join(JoinSpec spec) {
            return CompletableFuture.failedFuture(new ApiException(501, "joining a swarm is not wired into this daemon"));
        }

        @Override
        public CompletionStage<Void> leave(boolean force) {
            return CompletableFuture.failedFuture(new ApiException(501, "leaving a swarm is not wired into this daemon"));
        }

        @Override
        public CompletionStage<Void> initialized(String clusterId, ClusterSecurity security) {
            return CompletableFuture.completedFuture(null);
        }
    };
}
