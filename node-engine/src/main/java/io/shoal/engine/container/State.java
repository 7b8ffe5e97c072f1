package io.shoal.engine.container;

/** Docker's container states, as {@code docker ps} prints them. */
public enum State {
    CREATED, RUNNING, PAUSED, RESTARTING, EXITED, REMOVING, DEAD;

    public String dockerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
