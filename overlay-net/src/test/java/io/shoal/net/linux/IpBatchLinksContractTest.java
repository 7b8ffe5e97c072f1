package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;

/** The Links contract against the real ip/bridge adapter. */
class IpBatchLinksContractTest extends RootLinksContract {

    @Override
    protected Links adapter(NetnsName host) {
        return new IpBatchLinks(Optional.of(host));
    }
}
