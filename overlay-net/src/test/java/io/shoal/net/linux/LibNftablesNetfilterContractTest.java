package io.shoal.net.linux;

import io.shoal.net.host.Netfilter;
import io.shoal.net.host.NetfilterContract;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The Netfilter contract against libnftables in-process, inside a namespace this test makes. */
@Tag("root")
class LibNftablesNetfilterContractTest extends NetfilterContract {

    private TestNamespaces namespaces;
    private NetnsName ns;
    private Netfilter netfilter;

    @BeforeEach
    void createNamespace() {
        namespaces = TestNamespaces.open("sna");
        try {
            ns = namespaces.create("nft");
            // The scope is the test namespace too, so even a call without one stays inside it.
            netfilter = new LibNftablesNetfilter(Optional.of(ns));
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
