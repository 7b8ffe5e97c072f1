package io.shoal.net.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shoal.net.plan.Naming;
import io.shoal.net.plan.NetnsName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespaces, processes and files of one root test, all under its own random prefix, and
 * their removal even when the test failed: every process it started (by handle), then every
 * namespace whose name starts with its prefix (which takes their links and nft tables along).
 */
final class TestNamespaces implements AutoCloseable {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    final String prefix;
    final Naming naming;
    private final IpNetns netns = new IpNetns();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    private TestNamespaces(String kind) {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        prefix = kind + id + "-";
        naming = new Naming("t" + id.substring(0, 3));
    }

    /** Skips the test, loudly, unless it runs as root with ip and nft installed. */
    static TestNamespaces open() {
        return open("shoaltest-");
    }

    /** As {@link #open()}, with names starting with {@code kind} (tests of the in-process adapters use "sna"). */
    static TestNamespaces open(String kind) {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
                "root tests need uid 0 (network namespaces, links, nftables): skipped");
        assumeTrue(onPath("ip") && onPath("nft") && onPath("bridge"),
                "root tests need iproute2 and nftables: apt-get install -y iproute2 nftables");
        TestNamespaces namespaces = new TestNamespaces(kind);
        namespaces.sweep();
        return namespaces;
    }

    NetnsName create(String suffix) {
        NetnsName name = new NetnsName(prefix + suffix);
        netns.create(name);
        return name;
    }

    /** Runs a command inside a namespace of this test, and fails on a non-zero exit. */
    String exec(NetnsName ns, String... argv) {
        return Command.run(inNs(ns, argv), "");
    }

    Command.Result tryExec(NetnsName ns, String... argv) {
        return Command.runAllowingFailure(inNs(ns, argv), "");
    }

    /** Starts a long-running process inside a namespace; {@link #close()} stops it. */
    Process start(NetnsName ns, Path log, String... argv) throws IOException {
        Process process = new ProcessBuilder(inNs(ns, argv)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    Path tempDir() throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        dirs.add(dir);
        return dir;
    }

    private static List<String> inNs(NetnsName ns, String... argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns.value()));
        all.addAll(List.of(argv));
        return all;
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sweep();
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException bestEffort) {
                // a temp dir left behind is harmless
            }
        }
    }

    /** Deletes every namespace of this test's prefix. */
    private void sweep() {
        for (NetnsName name : netns.list()) {
            if (name.value().startsWith(prefix)) {
                netns.delete(name);
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
