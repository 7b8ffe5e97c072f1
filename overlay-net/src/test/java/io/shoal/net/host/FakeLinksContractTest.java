package io.shoal.net.host;

import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;

class FakeLinksContractTest extends LinksContract {

    private final FakeLinks links = new FakeLinks();

    @Override
    protected Links links() {
        return links;
    }

    @Override
    protected Naming naming() {
        return new Naming("f");
    }

    @Override
    protected NetnsName taskNamespace() {
        return new NetnsName("fake-task");
    }
}
