package io.shoal.engine.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a download whose byte count has not moved for a whole {@code timeout}, so a registry that stops sending
 * mid-blob makes the read fail (and the download retry) instead of hanging the pull: HttpClient's request timeout
 * ends with the response headers, not the body. One daemon thread checks every watched download.
 */
final class StallWatch implements AutoCloseable {

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-stall-watch");
        t.setDaemon(true);
        return t;
    });

    private final CountingInputStream stream;
    private volatile long seen = -1;
    private volatile boolean fired;
    private ScheduledFuture<?> check;

    private StallWatch(CountingInputStream stream) {
        this.stream = stream;
    }

    static StallWatch start(CountingInputStream stream, Duration timeout) {
        StallWatch w = new StallWatch(stream);
        long ms = Math.max(1, timeout.toMillis());
        w.check = CLOCK.scheduleAtFixedRate(w::tick, ms, ms, TimeUnit.MILLISECONDS);
        return w;
    }

    boolean fired() {
        return fired;
    }

    private void tick() {
        long now = stream.count();
        if (now == seen && !fired) {
            fired = true;
            check.cancel(false);
            try {
                stream.close();
            } catch (IOException ignored) {
                // the reader sees the failure
            }
        }
        seen = now;
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
