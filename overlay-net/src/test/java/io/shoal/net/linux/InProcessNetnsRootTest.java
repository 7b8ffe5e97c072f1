package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.plan.NetnsName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The in-process namespaces are the ones {@code ip netns} makes and sees, and the other way round. */
@Tag("root")
class InProcessNetnsRootTest {

    private TestNamespaces namespaces;
    private final InProcessNetns netns = new InProcessNetns();

    @BeforeEach
    void open() {
        namespaces = TestNamespaces.open("sna");
    }

    @AfterEach
    void close() {
        namespaces.close();
    }

    private static String hostNetns() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    }

    @Test
    void aCreatedNamespaceIsANewOneThatIpSeesAndUses() throws Exception {
        NetnsName name = new NetnsName(namespaces.prefix + "a");
        String before = hostNetns();
        netns.create(name);

        assertThat(Command.run(List.of("ip", "netns", "list"), "")).contains(name.value());
        assertThat(netns.list()).contains(name);
        assertThat(hostNetns()).as("the calling thread stays in its namespace").isEqualTo(before);
        String inside = namespaces.exec(name, "readlink", "/proc/self/ns/net").strip();
        assertThat(inside).startsWith("net:[").isNotEqualTo(before);
        assertThat(Command.run(List.of("ip", "-n", name.value(), "-o", "link", "show"), ""))
                .as("a fresh namespace: only lo, down, as after ip netns add").contains("lo:").doesNotContain("UP");
        assertThat(Command.run(List.of("findmnt", "-n", "-o", "PROPAGATION", "/run/netns"), "")).contains("shared");

        netns.delete(name);
        assertThat(Command.run(List.of("ip", "netns", "list"), "")).doesNotContain(name.value());
        assertThat(Path.of("/run/netns", name.value())).doesNotExist();
        assertThat(Command.runAllowingFailure(List.of("findmnt", "-n", "/run/netns/" + name.value()), "").exitCode())
                .as("unmounted").isNotZero();
    }

    @Test
    void creatingTwiceFailsPermanentlyAndDeletingTwiceIsFine() {
        NetnsName name = new NetnsName(namespaces.prefix + "b");
        netns.create(name);
        assertThatThrownBy(() -> netns.create(name)).isInstanceOf(PermanentNetworkException.class).hasMessageContaining("exists");
        netns.delete(name);
        netns.delete(name);
        assertThat(netns.list()).doesNotContain(name);
    }

    @Test
    void aNamespaceMadeAsynchronouslyIsTheSameAndAFailureCompletesTheFuture() throws Exception {
        NetnsName name = new NetnsName(namespaces.prefix + "d");
        String before = hostNetns();
        java.util.concurrent.CompletableFuture<Void> made = netns.createAsync(name, r -> {
            throw new AssertionError("the in-process adapter needs no executor");
        });
        made.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Command.run(List.of("ip", "netns", "list"), "")).contains(name.value());
        assertThat(namespaces.exec(name, "readlink", "/proc/self/ns/net").strip()).startsWith("net:[").isNotEqualTo(before);
        assertThat(hostNetns()).isEqualTo(before);

        assertThat(netns.createAsync(name, Runnable::run)).failsWithin(java.time.Duration.ofSeconds(60))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(PermanentNetworkException.class);
        assertThat(netns.list()).contains(name);
        netns.delete(name);
    }

    @Test
    void namespacesOfIpNetnsAreListedAndDeleted() {
        NetnsName name = namespaces.create("c");
        assertThat(netns.list()).contains(name);
        netns.delete(name);
        assertThat(new IpNetns().list()).doesNotContain(name);
    }
}
