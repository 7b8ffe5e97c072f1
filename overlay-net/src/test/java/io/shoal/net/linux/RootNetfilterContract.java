package io.shoal.net.linux;

import io.shoal.net.host.Netfilter;
import io.shoal.net.host.NetfilterContract;
import io.shoal.net.plan.NetnsName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The Netfilter contract against a real adapter, inside a namespace this test makes (removed even when a test
 * fails); a subclass names the adapter, whose scope is that namespace too, so even a call without one stays inside.
 */
@Tag("root")
abstract class RootNetfilterContract extends NetfilterContract {

    private TestNamespaces namespaces;
    private NetnsName ns;
    private Netfilter netfilter;

    /** The adapter under test, scoped to {@code ns}. */
    protected abstract Netfilter adapter(NetnsName ns);

    @BeforeEach
    void createNamespace() {
        namespaces = TestNamespaces.open();
        try {
            ns = namespaces.create("nft");
            netfilter = adapter(ns);
        } catch (RuntimeException e) {
            namespaces.close();
            throw e;
        }
    }

    @AfterEach
    void removeNamespace() {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @Override
    protected Netfilter netfilter() {
        return netfilter;
    }

    @Override
    protected NetnsName namespace() {
        return ns;
    }
}
