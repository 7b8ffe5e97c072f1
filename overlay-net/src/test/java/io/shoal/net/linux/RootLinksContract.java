package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.host.LinksContract;
import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The Links contract against a real adapter, inside a "host" and a "task" namespace this test makes (removed even
 * when a test fails); a subclass names the adapter.
 */
@Tag("root")
abstract class RootLinksContract extends LinksContract {

    private TestNamespaces namespaces;
    private NetnsName task;
    private Links links;

    /** The adapter under test, playing the host inside {@code host}. */
    protected abstract Links adapter(NetnsName host);

    @BeforeEach
    void createNamespaces() {
        namespaces = TestNamespaces.open();
        try {
            NetnsName host = namespaces.create("host");
            task = namespaces.create("task");
            links = adapter(host);
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

    /** The prefix of every namespace this test may make (an adapter that makes namespaces names them with it). */
    protected String namespacePrefix() {
        return namespaces.prefix;
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
