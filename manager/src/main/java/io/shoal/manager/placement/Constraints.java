package io.shoal.manager.placement;

import io.shoal.api.model.Node;
import io.shoal.api.model.TaskSpec;
import io.shoal.scheduler.constraint.Constraint;
import io.shoal.scheduler.constraint.ConstraintParse;
import io.shoal.scheduler.constraint.ConstraintParser;
import io.shoal.scheduler.view.NodeView;

/**
 * Whether a node meets a task's placement constraints, with the scheduler's own parser and matcher, for
 * the global orchestrator's question "should this node run the service at all?".
 */
public final class Constraints {
    private Constraints() {}

    public static boolean matchAll(TaskSpec spec, Node node) {
        if (spec == null || spec.placement() == null || spec.placement().constraints() == null) {
            return true;
        }
        ConstraintParse parsed = ConstraintParser.parse(spec.placement().constraints());
        if (!(parsed instanceof ConstraintParse.Valid valid)) {
            return false;
        }
        NodeView view = SchedulerAdapter.nodeView(node);
        for (Constraint c : valid.constraints()) {
            if (!c.matches(view)) {
                return false;
            }
        }
        return true;
    }
}
