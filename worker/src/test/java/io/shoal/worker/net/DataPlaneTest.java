package io.shoal.worker.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.net.host.Links;
import io.shoal.net.host.Netfilter;
import io.shoal.net.host.Netns;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attach path against in-memory ports (no root): the namespace is made beside the planning and must exist before
 * any link is applied; when it cannot be made, nothing of the task is left (no resolv.conf, not attached).
 */
class DataPlaneTest {
    static final Naming NAMING = new Naming("tu");

    @TempDir
    Path dir;

    private final Namespaces netns = new Namespaces();
    private final RecordingLinks links = new RecordingLinks();
    private final RecordingNetfilter netfilter = new RecordingNetfilter();
    private DataPlane plane;

    @BeforeEach
    void plane() throws Exception {
        // A prefix no task namespace under /run/netns can have, so the data plane creates every one.
        DataPlaneSettings s = new DataPlaneSettings("A", Ipv4.of("192.168.9.1"), NAMING, "shoal-unit-" + ProcessHandle.current().pid() + "-",
                dir, Optional.empty(), List.of(), 53);
        plane = new DataPlane(s, links, netns, netfilter, new HostSockets() {
            @Override
            public <T> T open(java.util.concurrent.Callable<T> opener) throws IOException {
                throw new IOException("no sockets in a unit test"); // the DNS server is the root test's business
            }
        });
        plane.assigned(new Assignments("s", true, List.of(DataPlaneRootTest.task("client", "front", "10.0.77.10/24"),
                DataPlaneRootTest.task("web2", "front", "10.0.77.12/24")), List.of(), DataPlaneRootTest.view()));
        plane.settle();
    }

    @AfterEach
    void close() {
        plane.close();
    }

    @Test
    void theNamespaceExistsBeforeTheTasksLinksAndVipTableAndTheResolvConfNamesItsBridge() throws Exception {
        DataPlane.Attachment at = plane.attach("client").orElseThrow();

        NetnsName ns = new NetnsName(Path.of(at.netnsPath()).getFileName().toString());
        assertThat(netns.created).containsExactly(ns);
        assertThat(links.vethsSeenWithTheirNamespace).containsExactly(ns);
        assertThat(netfilter.loadedIn).contains(Optional.of(ns));
        assertThat(Files.readString(at.resolvConf())).isEqualTo("nameserver 10.0.77.1\noptions ndots:0\n");

        plane.detach("client");
        assertThat(netns.list()).isEmpty();
        assertThat(at.resolvConf()).doesNotExist();
    }

    @Test
    void aNamespaceThatCannotBeMadeLeavesNothingOfTheTask() throws Exception {
        netns.refuse = true;
        assertThatThrownBy(() -> plane.attach("client")).isInstanceOf(PermanentNetworkException.class).hasMessageContaining("refused");
        assertThat(dir.resolve("resolv").resolve("client.conf")).doesNotExist();
        assertThat(links.vethsSeenWithTheirNamespace).isEmpty();

        netns.refuse = false;
        DataPlane.Attachment at = plane.attach("client").orElseThrow();
        assertThat(links.vethsSeenWithTheirNamespace).containsExactly(new NetnsName(Path.of(at.netnsPath()).getFileName().toString()));
    }

    @Test
    void aTaskOnANetworkThisNodeDoesNotKnowMakesNothing() throws Exception {
        plane.assigned(new Assignments("s", false, List.of(DataPlaneRootTest.task("stray", "unknown", "10.0.99.5/24")), List.of(), null));
        plane.settle();
        assertThatThrownBy(() -> plane.attach("stray")).isInstanceOf(IOException.class).hasMessageContaining("none of its networks");
        assertThat(netns.created).isEmpty();
        assertThat(dir.resolve("resolv").resolve("stray.conf")).doesNotExist();
    }

    /** Namespaces in memory; refuses to make one while {@code refuse}. */
    static final class Namespaces implements Netns {
        final List<NetnsName> created = Collections.synchronizedList(new ArrayList<>());
        private final Set<NetnsName> present = Collections.synchronizedSet(new LinkedHashSet<>());
        volatile boolean refuse;

        @Override
        public void create(NetnsName name) {
            if (refuse) {
                throw new PermanentNetworkException("network namespace " + name + " refused");
            }
            if (!present.add(name)) {
                throw new PermanentNetworkException("network namespace " + name + " already exists");
            }
            created.add(name);
        }

        @Override
        public void delete(NetnsName name) {
            present.remove(name);
        }

        @Override
        public Set<NetnsName> list() {
            synchronized (present) {
                return new LinkedHashSet<>(present);
            }
        }

        boolean exists(NetnsName name) {
            return present.contains(name);
        }
    }

    /** Records, for each veth added, its namespace if it existed at that moment (the kernel would refuse otherwise). */
    final class RecordingLinks implements Links {
        final List<NetnsName> vethsSeenWithTheirNamespace = new ArrayList<>();

        @Override
        public void apply(List<LinkChange> changes) {
            for (LinkChange c : changes) {
                if (c instanceof LinkChange.AddVeth v) {
                    if (!netns.exists(v.netns())) {
                        throw new PermanentNetworkException("no namespace " + v.netns() + " for " + v.peer());
                    }
                    vethsSeenWithTheirNamespace.add(v.netns());
                }
            }
        }

        @Override
        public Set<IfName> links(Optional<NetnsName> in) {
            return Set.of();
        }
    }

    /** Records where tables were loaded. */
    static final class RecordingNetfilter implements Netfilter {
        final List<Optional<NetnsName>> loadedIn = new ArrayList<>();

        @Override
        public void replace(Optional<NetnsName> netns, NftTable table) {
            loadedIn.add(netns);
        }

        @Override
        public void delete(Optional<NetnsName> netns, String table) {
        }

        @Override
        public Set<String> tables(Optional<NetnsName> netns) {
            return Set.of();
        }
    }
}
