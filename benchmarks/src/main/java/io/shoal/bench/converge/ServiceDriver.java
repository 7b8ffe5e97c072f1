package io.shoal.bench.converge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.bench.converge.linux.Host;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Drives one replicated service through the Docker API and waits for the host to match: N tasks running as
 * the API reports them and, when the daemon's runc root is known, N running runc containers (the cross-check).
 * Progress goes to {@code trace} once a second, so a slow phase shows its shape (all at once, or one by one).
 */
final class ServiceDriver {
    static final String NAME = "shoal-bench-converge";
    private static final long POLL_MS = 100;
    private final DockerApi api;
    private final Path runcRoot;
    private final PrintStream trace;
    private final long timeoutNanos;

    ServiceDriver(DockerApi api, Path runcRoot, PrintStream trace, long timeoutSeconds) {
        this.api = api;
        this.runcRoot = runcRoot;
        this.trace = trace;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    /** When the API and runc reached the target, in seconds from the phase's request. */
    record Reached(double apiSeconds, double runcSeconds) {
        double seconds() {
            return Math.max(apiSeconds, runcSeconds);
        }
    }

    void swarmInit() {
        DockerApi.Reply r = api.post("/swarm/init", "{}");
        if (r.status() != 200 && !(r.status() == 503 && r.body().contains("already part of a swarm"))) {
            throw new IllegalStateException("swarm init: HTTP " + r.status() + ": " + r.body().strip());
        }
    }

    Reached create(int replicas, double stopGraceSeconds) {
        ObjectNode spec = DockerApi.JSON.createObjectNode();
        spec.put("Name", NAME);
        ObjectNode container = spec.putObject("TaskTemplate").putObject("ContainerSpec");
        container.put("Image", "busybox:latest");
        container.putArray("Args").add("sleep").add("3600");
        if (stopGraceSeconds >= 0) {
            container.put("StopGracePeriod", (long) (stopGraceSeconds * 1e9));
        }
        spec.putObject("Mode").putObject("Replicated").put("Replicas", replicas);
        long t0 = System.nanoTime();
        api.post("/services/create", spec.toString()).expect(201, "service create");
        return awaitRunning(t0, replicas);
    }

    Reached scale(int replicas) {
        JsonNode service = api.get("/services/" + NAME).expect(200, "service inspect").json();
        ObjectNode spec = (ObjectNode) service.get("Spec");
        ((ObjectNode) spec.get("Mode").get("Replicated")).put("Replicas", replicas);
        long version = service.at("/Version/Index").asLong();
        long t0 = System.nanoTime();
        api.post("/services/" + NAME + "/update?version=" + version, spec.toString()).expect(200, "service update");
        return awaitRunning(t0, replicas);
    }

    Reached remove() {
        long t0 = System.nanoTime();
        api.delete("/services/" + NAME).expect(200, "service rm");
        return await(t0, 0, true);
    }

    /** Removes the service if it is still there (cleanup after a failure); never throws. */
    void removeQuietly() {
        try {
            api.delete("/services/" + NAME);
        } catch (RuntimeException ignored) {
            // the daemon may be gone already
        }
    }

    private Reached awaitRunning(long t0, int replicas) {
        return await(t0, replicas, false);
    }

    private Reached await(long t0, int target, boolean gone) {
        double apiAt = -1;
        double runcAt = runcRoot == null ? 0 : -1;
        long nextTrace = t0 + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            long now = System.nanoTime();
            TaskCounts api = apiAt < 0 || now >= nextTrace ? tasks() : null;
            if (apiAt < 0 && (gone ? api.total() == 0 : api.running() == target)) {
                apiAt = seconds(t0, System.nanoTime());
            }
            long containers = -1;
            if (runcRoot != null && (runcAt < 0 || now >= nextTrace)) {
                containers = gone ? Host.runcList(runcRoot).size() : Host.runningCount(runcRoot);
                if (runcAt < 0 && containers == target) {
                    runcAt = seconds(t0, System.nanoTime());
                }
            }
            if (now >= nextTrace) {
                trace.printf(Locale.ROOT, "converge: t=%.1fs tasks=%d running=%d runc=%s%n", seconds(t0, now),
                        api.total(), api.running(), containers < 0 ? "?" : Long.toString(containers));
                nextTrace += TimeUnit.SECONDS.toNanos(1);
            }
            if (apiAt >= 0 && runcAt >= 0) {
                return new Reached(apiAt, runcAt);
            }
            if (now - t0 > timeoutNanos) {
                throw new IllegalStateException("not converged to " + target + (gone ? " tasks" : " running tasks") + " within "
                        + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s (tasks " + api + ", runc containers " + containers + ")");
            }
            sleep();
        }
    }

    record TaskCounts(int total, int running) {}

    private TaskCounts tasks() {
        JsonNode tasks = api.get("/tasks?filters=" + DockerApi.filters("{\"service\":[\"" + NAME + "\"]}")).json();
        int total = 0;
        int running = 0;
        if (tasks != null && tasks.isArray()) {
            for (JsonNode t : tasks) {
                total++;
                if ("running".equals(t.at("/Status/State").asText()) && "running".equals(t.path("DesiredState").asText())) {
                    running++;
                }
            }
        }
        return new TaskCounts(total, running);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
