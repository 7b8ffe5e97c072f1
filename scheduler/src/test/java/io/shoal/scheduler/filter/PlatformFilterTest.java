package io.shoal.scheduler.filter;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static io.shoal.scheduler.fixtures.OneNode.outcome;
import static io.shoal.scheduler.fixtures.OneNode.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.view.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformFilterTest {

    @ParameterizedTest(name = "node {0}/{1}, image {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            linux   | amd64   | linux/amd64             | placed
            linux   | x86_64  | linux/amd64             | placed
            linux   | aarch64 | linux/arm64             | placed
            linux   | arm64   | linux/amd64             | no suitable node (unsupported platform on 1 node)
            linux   | arm64   | linux/amd64,linux/arm64 | placed
            windows | amd64   | linux/amd64             | no suitable node (unsupported platform on 1 node)
            Linux   | amd64   | linux/                  | placed
            linux   | s390x   | /                       | placed
            """)
    void imageMustSupportTheNodePlatform(String os, String arch, String image, String expected) {
        Platform[] platforms = java.util.Arrays.stream(image.split(","))
                .map(p -> p.split("/", -1))
                .map(p -> new Platform(p[0], p[1]))
                .toArray(Platform[]::new);
        assertThat(outcome(node("n1").platform(os, arch).build(), task().withPlatforms(platforms))).isEqualTo(expected);
    }
}
