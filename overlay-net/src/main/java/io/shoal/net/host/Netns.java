package io.shoal.net.host;

import io.shoal.net.plan.NetnsName;
import java.util.Set;

/** Named network namespaces (for tests and for tasks whose runtime does not make its own). */
public interface Netns {

    void create(NetnsName name);

    /** Idempotent: deleting a missing namespace is fine. */
    void delete(NetnsName name);

    Set<NetnsName> list();
}
