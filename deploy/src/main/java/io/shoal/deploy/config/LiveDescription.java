package io.shoal.deploy.config;

import io.shoal.api.model.Node;
import io.shoal.api.model.ResourceObject;
import io.shoal.manager.http.docker.DaemonInfo;
import java.util.List;
import java.util.function.Supplier;

/**
 * This node's description as the worker agent reports it: the daemon's platform, engine and labels, its generic
 * resources, and the hostname, CPUs and memory read afresh on each call (the agent asks at each heartbeat and
 * opens a new session when the answer changed, so a resized VM or a renamed host is seen by the scheduler).
 */
public final class LiveDescription implements Supplier<Node.Description> {
    private final DaemonInfo daemon;
    private final List<ResourceObject.GenericResource> generic;
    private final Supplier<HostFacts.Resources> host;

    public LiveDescription(DaemonInfo daemon, List<ResourceObject.GenericResource> generic,
                           Supplier<HostFacts.Resources> host) {
        this.daemon = daemon;
        this.generic = List.copyOf(generic);
        this.host = host;
    }

    @Override
    public Node.Description get() {
        Node.Description base = daemon.description();
        HostFacts.Resources now = host.get();
        return new Node.Description(now.hostname(), base.platform(),
                new ResourceObject((long) now.ncpu() * 1_000_000_000L, now.memTotal(), generic.isEmpty() ? null : generic),
                base.engine());
    }
}
