package io.shoal.net.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.Backend;
import io.shoal.net.lb.NftRenderer;
import io.shoal.net.lb.ServiceVip;
import io.shoal.net.plan.NetnsName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Netfilter} must do, in a namespace the subclass provides. */
public abstract class NetfilterContract {

    protected abstract Netfilter netfilter();

    protected abstract NetnsName namespace();

    @Test
    void replaceLoadsAndReplacesATableThenDeleteRemovesIt() {
        Optional<NetnsName> ns = Optional.of(namespace());
        ServiceVip web = new ServiceVip("web", Ipv4.of("10.77.0.2"), List.of(Backend.healthy(Ipv4.of("10.77.0.3"))));
        netfilter().replace(ns, NftRenderer.vips("shoal_contract", List.of(web)));
        netfilter().replace(ns, NftRenderer.vips("shoal_contract", List.of(web,
                new ServiceVip("db", Ipv4.of("10.77.0.9"), List.of(Backend.healthy(Ipv4.of("10.77.0.10")))))));
        assertThat(netfilter().tables(ns)).contains("shoal_contract");

        netfilter().delete(ns, "shoal_contract");
        netfilter().delete(ns, "shoal_contract");
        assertThat(netfilter().tables(ns)).doesNotContain("shoal_contract");
    }

    @Test
    void unsafeTableNamesNeverReachTheHost() {
        assertThatThrownBy(() -> netfilter().delete(Optional.of(namespace()), "x; flush ruleset"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
