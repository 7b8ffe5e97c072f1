package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every acknowledged write survives kill -9: after a restart, services, tasks, nodes and the swarm are identical. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        Path data = dir.resolve("data");
        String before;
        try (ShoaldProcess first = new ShoaldProcess(data).start()) {
            Api api = new Api(first.api());
            assertThat(api.post("/swarm/init", "{}").status()).isEqualTo(200);
            for (int i = 0; i < 20; i++) {
                String spec = "{\"Name\":\"svc" + i + "\",\"Labels\":{\"n\":\"" + i + "\"},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox\"},"
                        + "\"RestartPolicy\":{\"Condition\":\"none\"}},"
                        + "\"Mode\":{\"Replicated\":{\"Replicas\":" + (i % 4) + "}}}";
                assertThat(api.post("/services/create", spec).status()).isEqualTo(201);
            }
            JsonNode svc = api.get("/services/svc3").json();
            String updated = "{\"Name\":\"svc3\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox\",\"Env\":[\"A=1\"]},"
                    + "\"RestartPolicy\":{\"Condition\":\"none\"}},"
                    + "\"Mode\":{\"Replicated\":{\"Replicas\":5}}}";
            assertThat(api.post("/services/" + svc.get("ID").asText() + "/update?version=" + svc.at("/Version/Index").asLong(), updated).status()).isEqualTo(200);
            assertThat(api.delete("/services/svc7").status()).isEqualTo(200);
            JsonNode node = api.get("/nodes").json().get(0);
            assertThat(api.post("/nodes/" + node.get("ID").asText() + "/update?version=" + node.at("/Version/Index").asLong(),
                    "{\"Labels\":{\"zone\":\"a\"},\"Role\":\"manager\",\"Availability\":\"active\"}").status()).isEqualTo(200);
            before = settled(api);
            first.kill();
        }
        try (ShoaldProcess second = new ShoaldProcess(data).start()) {
            Api api = new Api(second.api());
            assertThat(everything(api)).isEqualTo(before);
            assertThat(second.log()).contains("cluster state recovered");
        }
    }

    /**
     * The state once the worker has ended every task it was given (the image is not on the node and the
     * tasks are not restarted), so nothing changes between this read and the kill.
     */
    private static String settled(Api api) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (true) {
            String now = everything(api);
            boolean ended = true;
            for (JsonNode t : api.get("/tasks").json()) {
                ended &= List.of("rejected", "failed", "complete", "shutdown").contains(t.at("/Status/State").asText());
            }
            if (ended && now.equals(last)) {
                return now;
            }
            assertThat(System.nanoTime()).as("tasks ended within 30 s").isLessThan(deadline);
            last = now;
            Thread.sleep(300);
        }
    }

    private static String everything(Api api) throws Exception {
        return api.get("/swarm").body() + api.get("/services").body() + api.get("/tasks").body() + api.get("/nodes").body();
    }
}
