package io.shoal.engine.container;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's event fan-out: listeners are called in order on the publishing thread; one that throws is logged. */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<Consumer<ContainerEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<ContainerEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(ContainerEvent event) {
        for (Consumer<ContainerEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener failed", e);
            }
        }
    }
}
