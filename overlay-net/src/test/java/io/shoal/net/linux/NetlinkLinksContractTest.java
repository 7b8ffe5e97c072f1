package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.host.LinksContract;
import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The Links contract against the in-process rtnetlink adapter, inside namespaces this test makes. */
@Tag("root")
class NetlinkLinksContractTest extends LinksContract {

    private TestNamespaces namespaces;
    private NetnsName task;
    private Links links;

    @BeforeEach
    void createNamespaces() {
        namespaces = TestNamespaces.open("sna");
        try {
            NetnsName host = namespaces.create("host");
            task = namespaces.create("task");
            links = new NetlinkLinks(Optional.of(host));
        } catch (RuntimeException e) {
            namespaces.close();
            throw e;
        }
    }

    @AfterEach
    void removeNamespaces() {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @Override
    protected Links links() {
        return links;
    }

    @Override
    protected Naming naming() {
        return namespaces.naming;
    }

    @Override
    protected NetnsName taskNamespace() {
        return task;
    }
}
