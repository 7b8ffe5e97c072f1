package io.shoal.net.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.NetworkPlanner;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Links} must do. Subclasses give the adapter, the naming whose names they
 * may create, and a task namespace that exists.
 */
public abstract class LinksContract {

    protected abstract Links links();

    protected abstract Naming naming();

    protected abstract NetnsName taskNamespace();

    private static final Ipv4 UNDERLAY = Ipv4.of("10.201.0.1");

    private HostNetworks oneTask() {
        return new HostNetworks(UNDERLAY, List.of(new HostNetworks.Network("net", Cidr.of("10.77.0.0/24"), Ipv4.of("10.77.0.1"),
                OptionalInt.of(777), false,
                List.of(new HostNetworks.LocalEndpoint("a", taskNamespace(), new IfName("eth0"), Ipv4.of("10.77.0.2"))),
                List.of(new HostNetworks.RemoteEndpoint(Ipv4.of("10.77.0.3"), Ipv4.of("10.201.0.2"))))));
    }

    @Test
    void appliesAPlanAndRemovesItAgain() {
        NetworkPlanner planner = new NetworkPlanner(naming());
        HostNetworks empty = HostNetworks.empty(UNDERLAY);
        links().apply(planner.plan(empty, oneTask()));

        assertThat(links().links(Optional.empty())).contains(naming().bridge("net"), naming().vxlan("net"));
        assertThat(links().links(Optional.of(taskNamespace()))).contains(new IfName("eth0"));
        // What a restarted daemon does: reconcile what it finds with what it wants, and nothing fails or changes.
        links().apply(planner.reconcile(links().links(Optional.empty()), oneTask()));
        assertThat(links().links(Optional.of(taskNamespace()))).contains(new IfName("eth0"));

        links().apply(planner.plan(oneTask(), empty));

        assertThat(links().links(Optional.empty())).doesNotContain(naming().bridge("net"), naming().vxlan("net"), naming().veth("net", "a"));
        assertThat(links().links(Optional.of(taskNamespace()))).doesNotContain(new IfName("eth0"));
    }

    @Test
    void removalsAreIdempotent() {
        links().apply(List.of(new LinkChange.DeleteLink(naming().bridge("never-made")),
                new LinkChange.DeleteRemote(naming().vxlan("never-made"), Ipv4.of("10.77.0.9"),
                        io.shoal.net.plan.Mac.of(Ipv4.of("10.77.0.9")), Ipv4.of("10.201.0.2"))));
        assertThat(links().links(Optional.empty())).doesNotContain(naming().bridge("never-made"));
    }

    @Test
    void addingWhatExistsFailsPermanently() {
        LinkChange bridge = new LinkChange.AddBridge(naming().bridge("twice"), Ipv4.of("10.78.0.1"), 24);
        links().apply(List.of(bridge));
        try {
            assertThatThrownBy(() -> links().apply(List.of(bridge))).isInstanceOf(PermanentNetworkException.class);
        } finally {
            links().apply(List.of(new LinkChange.DeleteLink(naming().bridge("twice"))));
        }
    }

    @Test
    void aVxlanNeedsItsBridge() {
        assertThatThrownBy(() -> links().apply(List.of(new LinkChange.AddVxlan(naming().vxlan("orphan"), 9, UNDERLAY,
                naming().bridge("orphan"), 1450)))).isInstanceOf(PermanentNetworkException.class);
        links().apply(List.of(new LinkChange.DeleteLink(naming().vxlan("orphan"))));
    }
}
