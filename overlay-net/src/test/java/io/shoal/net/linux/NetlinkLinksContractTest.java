package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;

/** The Links contract against the in-process rtnetlink adapter. */
class NetlinkLinksContractTest extends RootLinksContract {

    @Override
    protected Links adapter(NetnsName host) {
        return new NetlinkLinks(Optional.of(host));
    }
}
