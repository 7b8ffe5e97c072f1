package io.shoal.net.host;

import io.shoal.net.plan.NetnsName;

class FakeNetfilterContractTest extends NetfilterContract {

    private final FakeNetfilter netfilter = new FakeNetfilter();

    @Override
    protected Netfilter netfilter() {
        return netfilter;
    }

    @Override
    protected NetnsName namespace() {
        return new NetnsName("fake-ns");
    }
}
