package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerEvent;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.image.Healthcheck;
import io.shoal.engine.testing.RootEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Health checks run by exec in real containers; status changes reach subscribers as Docker-named events. */
@Tag("root")
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class HealthRootTest {

    private RootEngine r;

    @BeforeEach
    void setUp() throws Exception {
        r = RootEngine.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (r != null) {
            assertThat(r.close()).as("left behind").isEmpty();
        }
    }

    private String run(Healthcheck check) {
        String id = r.engine.create(ContainerRequest.of("localhost/busybox",
                ContainerConfig.of(List.of("/bin/sleep", "1000")).withHealthcheck(check), HostConfig.defaults()));
        r.engine.start(id);
        return id;
    }

    private CompletableFuture<ContainerEvent> next(String id, String action) {
        CompletableFuture<ContainerEvent> f = new CompletableFuture<>();
        r.engine.subscribe(e -> {
            if (e.containerId().equals(id) && e.action().equals(action)) {
                f.complete(e);
            }
        });
        return f;
    }

    @Test
    void unhealthyAfterRetriesThenHealthyWhenTheCheckPasses() throws Exception {
        Duration ms100 = Duration.ofMillis(100);
        String id = run(new Healthcheck(List.of("CMD-SHELL", "test -f /healthy || { echo missing; exit 1; }"),
                ms100, Duration.ofSeconds(5), Duration.ZERO, 2));
        CompletableFuture<ContainerEvent> unhealthy = next(id, "health_status: unhealthy");
        CompletableFuture<ContainerEvent> healthy = next(id, "health_status: healthy");
        assertThat(r.engine.health(id)).isPresent();
        unhealthy.join();
        HealthState state = r.engine.health(id).orElseThrow();
        assertThat(state.status()).isEqualTo(HealthState.Status.UNHEALTHY);
        assertThat(state.failingStreak()).isGreaterThanOrEqualTo(2);
        assertThat(state.log()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(state.log().get(0).output()).isEqualTo("missing\n");
        assertThat(state.log().get(0).exitCode()).isEqualTo(1);
        r.engine.exec(id, List.of("/bin/touch", "/healthy"), List.of());
        healthy.join();
        assertThat(r.engine.health(id).orElseThrow().failingStreak()).isZero();
    }

    @Test
    void aProbeThatOutlivesItsTimeoutFails() {
        String id = run(new Healthcheck(List.of("CMD", "/bin/sleep", "100"), Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ZERO, 1));
        next(id, "health_status: unhealthy").join();
        HealthState.Probe probe = r.engine.health(id).orElseThrow().log().get(0);
        assertThat(probe.exitCode()).isEqualTo(-1);
        assertThat(probe.output()).contains("exceeded timeout");
    }

    @Test
    void noneDisablesTheCheck() {
        String id = run(new Healthcheck(List.of("NONE"), null, null, null, 0));
        assertThat(r.engine.health(id)).isEmpty();
    }
}
