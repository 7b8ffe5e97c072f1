package io.shoal.net.linux;

import io.shoal.net.host.Netfilter;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;

/** The Netfilter contract against nft. */
class NftNetfilterContractTest extends RootNetfilterContract {

    @Override
    protected Netfilter adapter(NetnsName ns) {
        return new NftNetfilter(Optional.of(ns));
    }
}
