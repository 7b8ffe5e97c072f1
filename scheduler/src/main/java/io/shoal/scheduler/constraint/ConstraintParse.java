package io.shoal.scheduler.constraint;

import java.util.List;

/** The outcome of parsing a service's constraints: all of them, or the first error. */
public sealed interface ConstraintParse {

    /** Every constraint parsed; a node must match all of them. */
    record Valid(List<Constraint> constraints) implements ConstraintParse {
        public Valid {
            constraints = List.copyOf(constraints);
        }
    }

    /** A constraint that cannot be understood, with a message for the user. */
    record Invalid(String reason) implements ConstraintParse {}
}
