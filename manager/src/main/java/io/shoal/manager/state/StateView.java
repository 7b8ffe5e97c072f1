package io.shoal.manager.state;

import java.util.Optional;

/**
 * The latest persisted state, published by the cluster state after every write so that reads on this
 * manager never queue behind writes. Empty until the state has recovered, and on a manager that does not
 * host the singleton (whose reads then go to the singleton).
 */
public final class StateView {
    private volatile StateSnapshot current;

    void publish(State s) {
        current = StateSnapshot.of(s);
    }

    public Optional<StateSnapshot> current() {
        return Optional.ofNullable(current);
    }
}
