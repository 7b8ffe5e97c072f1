package io.shoal.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.plan.NetnsName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pooled threads that join namespaces: work runs in the namespace asked for, and every pooled thread is back in
 * the process's own namespace before it runs anything else, after setns, after unshare, and after a failure.
 */
@Tag("root")
class InNamespaceRootTest {

    private TestNamespaces namespaces;

    @BeforeEach
    void open() {
        namespaces = TestNamespaces.open("att");
    }

    @AfterEach
    void close() {
        namespaces.close();
    }

    private static String netnsOfThisThread() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    }

    /** The namespace's id as a process inside it sees it (what /proc/thread-self/ns/net names there). */
    private String idOf(NetnsName ns) {
        return namespaces.exec(ns, "readlink", "/proc/self/ns/net").strip();
    }

    private static String processNetns() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    }

    @Test
    void workRunsInTheNamespaceAndThePooledThreadsComeBackHome() throws Exception {
        NetnsName a = namespaces.create("a");
        NetnsName b = namespaces.create("b");
        String inA = idOf(a);
        String inB = idOf(b);
        String home = processNetns();

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            assertThat(InNamespace.call(Optional.of(a), InNamespaceRootTest::netnsOfThisThread)).isEqualTo(inA);
            assertThat(InNamespace.call(Optional.of(b), InNamespaceRootTest::netnsOfThisThread)).isEqualTo(inB);
            seen.add(InNamespace.onThread("test", () -> netnsOfThisThread() + " " + Thread.currentThread().getName()));
        }
        assertThat(seen).allSatisfy(s -> assertThat(s).startsWith(home + " "));
        assertThat(InNamespace.call(Optional.empty(), InNamespaceRootTest::netnsOfThisThread))
                .as("no namespace: the caller's thread").isEqualTo(netnsOfThisThread());
    }

    @Test
    void aThreadThatUnsharedOrFailedIsBackHomeToo() throws Exception {
        String home = processNetns();
        String made = InNamespace.onThread("test", () -> {
            Syscalls.INSTANCE.unshare(Syscalls.CLONE_NEWNET);
            return netnsOfThisThread();
        });
        assertThat(made).isNotEqualTo(home);
        assertThat(InNamespace.onThread("test", InNamespaceRootTest::netnsOfThisThread)).isEqualTo(home);

        NetnsName a = namespaces.create("c");
        assertThatThrownBy(() -> InNamespace.call(Optional.of(a), () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(InNamespace.onThread("test", InNamespaceRootTest::netnsOfThisThread)).isEqualTo(home);

        assertThatThrownBy(() -> InNamespace.call(Optional.of(new NetnsName(namespaces.prefix + "missing")), () -> "never"))
                .isInstanceOf(PermanentNetworkException.class).hasMessageContaining("cannot be opened");
    }

    @Test
    void workMayCallInAgain() throws Exception {
        NetnsName a = namespaces.create("d");
        NetnsName b = namespaces.create("e");
        String inB = idOf(b);
        String inA = idOf(a);
        String both = InNamespace.call(Optional.of(a),
                () -> InNamespace.call(Optional.of(b), InNamespaceRootTest::netnsOfThisThread) + " " + netnsOfThisThread());
        assertThat(both).isEqualTo(inB + " " + inA);
    }
}
