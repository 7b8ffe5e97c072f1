package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;

/** The Links contract against the adapter that switches each network in a namespace of its own (the daemon's). */
class SwitchNamespaceLinksContractTest extends RootLinksContract {

    @Override
    protected Links adapter(NetnsName host) {
        return new SwitchNamespaceLinks(Optional.of(host), naming(), namespacePrefix() + "net-", new InProcessNetns(),
                NetlinkLinks::new);
    }
}
