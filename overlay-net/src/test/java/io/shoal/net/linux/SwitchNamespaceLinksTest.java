package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a network's switch namespace is named (no root: nothing is applied). */
class SwitchNamespaceLinksTest {

    private final Naming naming = new Naming("sh");
    private final SwitchNamespaceLinks links = new SwitchNamespaceLinks(Optional.empty(), naming, "shoal-0123456789ab-net-",
            new IpNetns(), IpBatchLinks::new);

    @Test
    void aNetworksBridgeAndVxlanShareOneSwitchNamedForTheirHash() {
        NetnsName sw = links.switchOf(naming.bridge("net1"));

        assertThat(links.switchOf(naming.vxlan("net1"))).isEqualTo(sw);
        assertThat(sw.value()).isEqualTo("shoal-0123456789ab-net-" + naming.bridge("net1").value().substring(3));
        assertThat(links.switchOf(naming.bridge("net2"))).isNotEqualTo(sw);
        assertThat(naming.vxlanBeside(naming.bridge("net1"))).isEqualTo(naming.vxlan("net1"));
        assertThat(naming.kindOf(naming.bridge("net1"))).isEqualTo('b');
        assertThat(naming.kindOf(naming.veth("net1", "a1"))).isEqualTo('v');
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "a b", "a/b", "x;rm"})
    void anUnsafePrefixIsRefused(String prefix) {
        assertThatThrownBy(() -> new SwitchNamespaceLinks(Optional.empty(), naming, prefix, new IpNetns(), IpBatchLinks::new))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
