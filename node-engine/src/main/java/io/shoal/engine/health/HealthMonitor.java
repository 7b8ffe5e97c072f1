package io.shoal.engine.health;

import io.shoal.engine.container.ContainerEvent;
import io.shoal.engine.image.Healthcheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs each running container's health check while the engine runs: a probe (exec of the check's command with its
 * timeout) one interval after start and one interval after each probe ends, results folded into a
 * {@link HealthState}; a change of status is published as a {@code health_status: …} event. Probes run on a small
 * shared pool, never more than one at a time per container.
 */
public final class HealthMonitor implements AutoCloseable {

    /** Output Docker keeps of one probe. */
    static final int OUTPUT_LIMIT = 4096;

    /** Runs one probe: exit code ({@code -1} when it timed out) and output. */
    public interface Prober {
        Result probe(String containerId, List<String> argv, Duration timeout);

        record Result(int exitCode, String output) { }
    }

    private record Watched(Healthcheck check, HealthState state, ScheduledFuture<?> next) { }

    private final Prober prober;
    private final Clock clock;
    private final Consumer<ContainerEvent> events;
    private final ScheduledExecutorService pool;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, HealthState> last = new ConcurrentHashMap<>();

    public HealthMonitor(Prober prober, Clock clock, Consumer<ContainerEvent> events) {
        this.prober = prober;
        this.clock = clock;
        this.events = events;
        this.pool = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "shoal-engine-health");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts checking a container that has just started (state STARTING, first probe one interval on). */
    public void started(String id, Healthcheck check) {
        if (check == null || check.disabled() || check.probeCommand().isEmpty()) {
            return;
        }
        stopped(id);
        HealthState state = HealthState.started(clock.instant());
        last.put(id, state);
        watched.put(id, new Watched(check, state, schedule(id, state.nextProbeAt(check))));
    }

    /** Stops checking (the container stopped or was removed); its last state stays readable until removed. */
    public void stopped(String id) {
        Watched w = watched.remove(id);
        if (w != null && w.next() != null) {
            w.next().cancel(false);
        }
    }

    public void removed(String id) {
        stopped(id);
        last.remove(id);
    }

    public Optional<HealthState> state(String id) {
        return Optional.ofNullable(last.get(id));
    }

    private ScheduledFuture<?> schedule(String id, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        return pool.schedule(() -> probe(id), delay, TimeUnit.MILLISECONDS);
    }

    private void probe(String id) {
        Watched w = watched.get(id);
        if (w == null) {
            return;
        }
        Instant start = clock.instant();
        Prober.Result r;
        try {
            r = prober.probe(id, w.check().probeCommand(), w.check().effectiveTimeout());
        } catch (RuntimeException e) {
            r = new Prober.Result(-1, String.valueOf(e.getMessage()));
        }
        String output = r.exitCode() == -1 && r.output().isEmpty()
                ? "Health check exceeded timeout (" + w.check().effectiveTimeout() + ")" : r.output();
        if (output.length() > OUTPUT_LIMIT) {
            output = output.substring(0, OUTPUT_LIMIT);
        }
        HealthState next = w.state().record(new HealthState.Probe(start, clock.instant(), r.exitCode(), output),
                w.check());
        Watched current = watched.get(id);
        if (current != w) {
            return; // stopped or restarted meanwhile
        }
        last.put(id, next);
        watched.put(id, new Watched(w.check(), next, schedule(id, next.nextProbeAt(w.check()))));
        if (next.status() != w.state().status()) {
            events.accept(new ContainerEvent(id, "health_status: " + next.status().name().toLowerCase(
                    java.util.Locale.ROOT), clock.instant(), Map.of()));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
