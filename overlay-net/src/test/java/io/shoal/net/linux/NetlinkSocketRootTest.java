package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.NetnsName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Several rtnetlink requests in one datagram: all applied in order, each answered, the first refusal reported. */
@Tag("root")
class NetlinkSocketRootTest {

    private TestNamespaces namespaces;

    @BeforeEach
    void open() {
        namespaces = TestNamespaces.open("att");
    }

    @AfterEach
    void close() {
        namespaces.close();
    }

    private static NetlinkSocket.Request addAddress(NetlinkSocket s, int index, String address) {
        int seq = s.nextSeq();
        return new NetlinkSocket.Request("addr add " + address, seq, RtnetlinkRequests.addAddress(seq, index, Ipv4.of(address), 8));
    }

    @Test
    void aBatchIsAppliedInOrderAndEveryRequestIsAnswered() {
        NetnsName ns = namespaces.create("a");
        try (NetlinkSocket s = NetlinkSocket.open(Optional.of(ns))) {
            int up = s.nextSeq();
            s.requestAll(List.of(new NetlinkSocket.Request("link set lo up", up, RtnetlinkRequests.setUp(up, new IfName("lo"))),
                    addAddress(s, 1, "10.67.1.1"), addAddress(s, 1, "10.67.1.2")));
            // Nothing of the batch is left unread: the next request gets its own answer.
            s.request("link show lo", RtnetlinkRequests.getLink(s.nextSeq(), new IfName("lo")));
        }
        String lo = namespaces.exec(ns, "ip", "-o", "addr", "show", "dev", "lo");
        assertThat(lo).contains("10.67.1.1/8").contains("10.67.1.2/8");
        assertThat(namespaces.exec(ns, "ip", "-o", "link", "show", "lo")).contains("UP");
    }

    @Test
    void theFirstRefusalIsThrownAfterTheKernelHandledTheWholeBatch() {
        NetnsName ns = namespaces.create("b");
        try (NetlinkSocket s = NetlinkSocket.open(Optional.of(ns))) {
            s.requestAll(List.of(addAddress(s, 1, "10.67.2.1")));
            List<NetlinkSocket.Request> batch = List.of(addAddress(s, 1, "10.67.2.2"), addAddress(s, 1, "10.67.2.1"),
                    addAddress(s, 999, "10.67.2.3"), addAddress(s, 1, "10.67.2.4"));
            assertThatThrownBy(() -> s.requestAll(batch)).isInstanceOf(NetlinkSocket.Refused.class)
                    .hasMessageContaining("addr add 10.67.2.1").hasMessageContaining("errno 17");
            s.request("link show lo", RtnetlinkRequests.getLink(s.nextSeq(), new IfName("lo")));
        }
        assertThat(namespaces.exec(ns, "ip", "-o", "addr", "show", "dev", "lo")).as("before and after the refused ones")
                .contains("10.67.2.2/8").contains("10.67.2.4/8").doesNotContain("10.67.2.3");
    }
}
