package io.shoal.engine.registry;

import io.shoal.engine.content.ImageStore;
import io.shoal.engine.image.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark command (not a test): cold pull of the ~5 MB {@code big} image from a loopback docker-registry into an
 * empty store (download, verify, unpack, name) against {@code skopeo copy} of the same image into an empty OCI
 * layout (download and verify only). Run:
 * <pre>
 * mvn -B -o -q -pl node-engine test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp node-engine/target/test-classes:node-engine/target/classes:$(cat node-engine/target/cp.txt) \
 *     io.shoal.engine.registry.PullBenchmark 20
 * </pre>
 */
public final class PullBenchmark {

    private PullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("pull-bench-");
        SeededImages images = SeededImages.build(dir.resolve("build"));
        try (LocalRegistry registry = LocalRegistry.start(dir.resolve("registry"))) {
            images.push("big", registry, "bench/big:v1", null);
            ImageReference ref = ImageReference.of(registry.domain() + "/bench/big:v1");
            Registries registries = new Registries(RegistrySettings.defaults());
            List<Long> shoal = new ArrayList<>();
            List<Long> skopeo = new ArrayList<>();
            List<Long> download = new ArrayList<>();
            long bytes = 0;
            for (int i = -3; i < rounds; i++) {
                Path store = dir.resolve("store-" + i);
                ImageStore s = RegistryPullPushTest.newStore(store);
                long[] downloaded = new long[1];
                ProgressListener mark = p -> {
                    if (p.status() == Progress.Status.DOWNLOAD_COMPLETE) {
                        downloaded[0] = System.nanoTime();
                    }
                };
                long t0 = System.nanoTime();
                var result = new ImagePuller(s, registries).pull(ref, AuthConfig.anonymous(), mark);
                long t1 = System.nanoTime();
                bytes = result.image().size();
                Path out = dir.resolve("skopeo-" + i);
                long t2 = System.nanoTime();
                DebianTools.run(dir, "skopeo", "copy", "-q", "--src-tls-verify=false",
                        "docker://" + registry.domain() + "/bench/big:v1", "oci:" + out + ":v1");
                long t3 = System.nanoTime();
                if (i >= 0) {
                    shoal.add(t1 - t0);
                    download.add(downloaded[0] - t0);
                    skopeo.add(t3 - t2);
                }
                delete(store);
                delete(out);
            }
            System.out.printf("image: %s, %.1f MB of layers, %d rounds after 3 warm-up%n", ref, bytes / 1e6, rounds);
            System.out.printf("shoal pull (download+verify+unpack+name): median %.1f ms, min %.1f ms%n",
                    median(shoal), min(shoal));
            System.out.printf("  of which manifest+blobs downloaded and verified: median %.1f ms%n", median(download));
            System.out.printf("skopeo copy docker:// -> oci: (process incl.): median %.1f ms, min %.1f ms%n",
                    median(skopeo), min(skopeo));
        } finally {
            delete(dir);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> s = nanos.stream().sorted().toList();
        return s.get(s.size() / 2) / 1e6;
    }

    private static double min(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
    }

    private static void delete(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
