package io.shoal.scheduler.plan;

import java.util.ArrayList;
import java.util.List;

/** The scheduler's decisions for one tick, as data: what goes where, and what cannot go anywhere yet. */
public record Plan(List<Placement> placements, List<Unplaceable> unplaceable) {

    public static final Plan EMPTY = new Plan(List.of(), List.of());

    public Plan {
        placements = List.copyOf(placements);
        unplaceable = List.copyOf(unplaceable);
    }

    /** Every decision, placements first. */
    public List<Decision> decisions() {
        List<Decision> all = new ArrayList<>(placements.size() + unplaceable.size());
        all.addAll(placements);
        all.addAll(unplaceable);
        return all;
    }
}
