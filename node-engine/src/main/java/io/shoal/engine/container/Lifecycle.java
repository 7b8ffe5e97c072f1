package io.shoal.engine.container;

import java.util.Map;
import java.util.Set;

/**
 * The container lifecycle as a pure transition function: what each event does in each state, or why it is
 * refused (Docker's messages). The engine asks here before it calls runc, and records the outcome after.
 */
public final class Lifecycle {

    public enum Event { START, PAUSE, UNPAUSE, EXIT, RESTART, REMOVE, REMOVED_FAILED }

    public sealed interface Outcome {
        record Moved(State to) implements Outcome { }

        /** Nothing to do: starting a running container, stopping an exited one. */
        record Unchanged(State state) implements Outcome { }

        record Refused(String reason) implements Outcome { }
    }

    private static final Map<State, Set<Event>> ALLOWED = Map.of(
            State.CREATED, Set.of(Event.START, Event.EXIT, Event.REMOVE),
            State.RUNNING, Set.of(Event.PAUSE, Event.EXIT, Event.RESTART, Event.START),
            State.PAUSED, Set.of(Event.UNPAUSE, Event.EXIT),
            State.RESTARTING, Set.of(Event.START, Event.EXIT),
            State.EXITED, Set.of(Event.START, Event.RESTART, Event.REMOVE),
            State.REMOVING, Set.of(Event.REMOVE, Event.REMOVED_FAILED),
            State.DEAD, Set.of(Event.REMOVE));

    private Lifecycle() {
    }

    /** {@code force} lets REMOVE go ahead in a running or paused container (the engine kills it first). */
    public static Outcome next(State from, Event event, boolean force) {
        if (event == Event.REMOVE && force && (from == State.RUNNING || from == State.PAUSED)) {
            return new Outcome.Moved(State.REMOVING);
        }
        if (!ALLOWED.get(from).contains(event)) {
            return new Outcome.Refused(refusal(from, event));
        }
        return switch (event) {
            case START -> from == State.RUNNING ? new Outcome.Unchanged(from) : new Outcome.Moved(State.RUNNING);
            case PAUSE -> new Outcome.Moved(State.PAUSED);
            case UNPAUSE -> new Outcome.Moved(State.RUNNING);
            case EXIT -> new Outcome.Moved(State.EXITED);
            case RESTART -> new Outcome.Moved(State.RESTARTING);
            case REMOVE -> new Outcome.Moved(State.REMOVING);
            case REMOVED_FAILED -> new Outcome.Moved(State.DEAD);
        };
    }

    private static String refusal(State from, Event event) {
        if (event == Event.REMOVE && (from == State.RUNNING || from == State.PAUSED)) {
            return "cannot remove a " + from.dockerName()
                    + " container: stop the container before removing or force remove";
        }
        if (event == Event.PAUSE && from == State.PAUSED) {
            return "container is already paused";
        }
        if (event == Event.UNPAUSE) {
            return "container is not paused";
        }
        if (event == Event.PAUSE) {
            return "container is not running";
        }
        return "cannot " + event.name().toLowerCase(java.util.Locale.ROOT) + " a " + from.dockerName()
                + " container";
    }
}
