/**
 * Docker's constraint language: {@link io.shoal.scheduler.constraint.NodeAttribute} names a property of
 * a node ({@code node.labels.dc}, {@code node.role}, {@code engine.labels.x}…), {@link
 * io.shoal.scheduler.constraint.ConstraintParser} turns {@code KEY==VALUE} and {@code KEY!=VALUE} strings
 * into {@link io.shoal.scheduler.constraint.Constraint}s or an {@code Invalid} value that says which
 * expression is wrong. Placement preferences reuse the attributes to group nodes.
 */
package io.shoal.scheduler.constraint;
